/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.testkit.contract.Fixtures;
import org.junit.jupiter.api.Test;

class HolidayCalendarsBindingTest {
  /** Tuesday 2 March 2027: a working day in Czechia, a holiday in the plugged-in calendar. */
  private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);

  @Test
  void aCalendarBoundByNameServesTheOfficesThatNameIt() {
    Storage storage = InMemoryStorage.create();
    new Fixtures(storage).load();
    HolidayCalendar neighbour = date -> date.equals(TUESDAY)
        ? Optional.of(LocalizedText.of("Svátek sousedů", "The neighbours' holiday")) : Optional.empty();
    CivicDiary diary = Guice.createInjector(new CoreModule(Settings.of(Map.of())),
        binder -> binder.bind(Storage.class).toInstance(storage),
        binder -> MapBinder.newMapBinder(binder, String.class, HolidayCalendar.class).addBinding("XX")
            .toInstance(neighbour),
        binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding()
            .toInstance(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))).getInstance(CivicDiary.class);
    assertThat(diary.findingFreeSlots().ofOfficial(Fixtures.NOVAK, Fixtures.ID_CARD, TUESDAY, TUESDAY)).isNotEmpty();

    diary.administering().saveOffice(new StaffMember("alena.admin", Role.ADMIN, null),
        Fixtures.office().withHolidayCalendar("XX"));

    assertThat(diary.findingFreeSlots().ofOfficial(Fixtures.NOVAK, Fixtures.ID_CARD, TUESDAY, TUESDAY)).isEmpty();
  }
}
