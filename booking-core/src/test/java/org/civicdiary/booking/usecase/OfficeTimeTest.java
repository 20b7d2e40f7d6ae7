/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.OfficialId;
import org.junit.jupiter.api.Test;

/** The zone a typed local time is read in: the office of the official or department, or the one all offices share. */
class OfficeTimeTest {
  @Test
  void anOfficialsAndADepartmentsZoneIsTheirOffices() {
    TownHall town = TownHall.at("2027-03-01T08:00:00Z");
    OfficialId novak = town.official("novak");
    assertThat(town.diary.officeTime().zoneOf(novak)).isEqualTo(TownHall.PRAGUE);
    assertThat(town.diary.officeTime().zoneOf(TownHall.CIVIL)).isEqualTo(TownHall.PRAGUE);
    assertThat(town.diary.officeTime().sharedZone("fromDate")).isEqualTo(TownHall.PRAGUE);
    assertThatThrownBy(() -> town.diary.officeTime().zoneOf(OfficialId.of("nobody"))).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> town.diary.officeTime().zoneOf(DepartmentId.of("nowhere"))).isInstanceOf(NotFound.class);
  }

  @Test
  void withoutAnOfficeTheSharedZoneIsTheDefault() {
    CivicDiary diary = CivicDiary.builder().storage(InMemoryStorage.create()).build();
    assertThat(diary.officeTime().sharedZone("fromDate")).isEqualTo(Office.DEFAULT_ZONE);
  }

  @Test
  void officesInDifferentZonesShareNoneAndTheFieldIsNamed() {
    TownHall town = TownHall.at("2027-03-01T08:00:00Z");
    town.storage.transactions().run(() -> town.storage.directory().save(new Office(OfficeId.of("london"),
        LocalizedText.of("Londýn", "London"), ZoneId.of("Europe/London"), Duration.ofMinutes(15),
        TownHall.TOWN_HALL, List.of(), BookingPolicy.DEFAULT)));
    assertThatThrownBy(() -> town.diary.officeTime().sharedZone("toDate"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("toDate"));
  }
}
