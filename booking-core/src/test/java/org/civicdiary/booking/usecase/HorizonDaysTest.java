/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.booking.usecase.TownHall.OPERATOR;
import static org.civicdiary.booking.usecase.TownHall.PRAGUE;
import static org.civicdiary.booking.usecase.TownHall.workdays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.OfficialId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Days over the whole booking horizon: a list of days may cover the office's horizon in one query
 * (up to 731 days), counting what the narrow lists of slots offer; lists of slots stay at 93 days.
 */
class HorizonDaysTest {
  private static BookingPolicy horizon(int days) {
    BookingPolicy d = BookingPolicy.DEFAULT;
    return new BookingPolicy(days, d.minimumNotice(), d.maxOpenPerEmail(), d.topicMaxLength(), d.retentionDays(),
        d.reminderLead(), d.feedShowsCitizenNames());
  }

  @ParameterizedTest
  @CsvSource({"1, 93", "60, 93", "92, 93", "93, 94", "365, 366", "730, 731"})
  void aListOfDaysMayCoverTheWholeHorizonAndNeverLessThanASlotList(int horizonDays, int limit) {
    TownHall hall = TownHall.at(TownHall.local("2027-03-01T07:00"), horizon(horizonDays));
    assertThat(FindingFreeSlots.daysLimit(hall.storage.directory().offices().get(0))).isEqualTo(limit);
  }

  @Test
  void twoYearsOfDaysCountWhatTheSlotsOfferAndOneDayMoreIsRefused() {
    TownHall hall = TownHall.at(TownHall.local("2027-03-01T07:00"), horizon(730));
    OfficialId a = hall.official("a", workdays("08:00", "12:00"));
    OfficialId b = hall.official("b", workdays("10:00", "14:00"));
    AgendaId agenda = hall.agenda("id-card", 1, a, b);
    LocalDate today = LocalDate.of(2027, 3, 1);
    LocalDate last = today.plusDays(730);
    FindingFreeSlots finding = hall.diary.findingFreeSlots();

    NavigableMap<LocalDate, Integer> days = finding.daysOfDepartment(TownHall.CIVIL, agenda, today, last);

    // the same counts as the slot lists (distinct start times), asked for in ranges they allow
    Set<Instant> starts = new HashSet<>();
    NavigableMap<LocalDate, Integer> fromSlots = new TreeMap<>();
    for (LocalDate from = today; !from.isAfter(last); from = from.plusDays(FindingFreeSlots.MAX_DAYS)) {
      LocalDate to = from.plusDays(FindingFreeSlots.MAX_DAYS - 1);
      for (FreeSlot slot : finding.ofDepartment(TownHall.CIVIL, agenda, from, to.isAfter(last) ? last : to)) {
        if (starts.add(slot.start())) {
          fromSlots.merge(LocalDate.ofInstant(slot.start(), PRAGUE), 1, Integer::sum);
        }
      }
    }
    assertThat(days).isEqualTo(fromSlots).hasSizeGreaterThan(480);
    assertThat(days.lastKey()).isAfter(last.minusDays(7)).isBeforeOrEqualTo(last);
    assertThat(days.get(LocalDate.of(2028, 3, 1))).as("08:00–14:00, two officials overlapping: 24 starts").isEqualTo(24);

    // operators' days: every day the public has, from now
    NavigableMap<LocalDate, Integer> staff = finding.daysOfDepartmentForStaff(OPERATOR, TownHall.CIVIL, agenda, today, last);
    assertThat(staff.keySet()).containsAll(days.keySet());
    assertThat(finding.daysOfOfficialForStaff(OPERATOR, a, agenda, today, last).lastKey()).isEqualTo(
        finding.daysOfOfficial(a, agenda, today, last).lastKey());

    assertThatThrownBy(() -> finding.daysOfDepartment(TownHall.CIVIL, agenda, today, last.plusDays(1)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> {
          assertThat(e.field()).isEqualTo("to");
          assertThat(e.getMessage()).contains("731 days", "horizon");
        });
    assertThatThrownBy(() -> finding.daysOfDepartmentForStaff(OPERATOR, TownHall.CIVIL, agenda, today, last.plusDays(1)))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> finding.ofDepartment(TownHall.CIVIL, agenda, today, today.plusDays(93)))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void aRangeBeyondTheHorizonAnswersItsDaysWithinIt() {
    TownHall hall = TownHall.at(TownHall.local("2027-03-01T07:00"), horizon(60));
    OfficialId a = hall.official("a", workdays("08:00", "12:00"));
    AgendaId agenda = hall.agenda("id-card", 1, a);
    LocalDate today = LocalDate.of(2027, 3, 1);

    NavigableMap<LocalDate, Integer> days = hall.diary.findingFreeSlots().daysOfOfficial(a, agenda, today,
        today.plusDays(92));

    assertThat(days.lastKey()).isBeforeOrEqualTo(today.plusDays(60));
    assertThat(Duration.between(today.atStartOfDay(), days.lastKey().atStartOfDay()).toDays()).isGreaterThan(55);
  }
}
