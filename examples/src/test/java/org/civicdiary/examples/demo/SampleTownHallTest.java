/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.Test;

class SampleTownHallTest {
  private final Clock clock = Clock.fixed(Instant.parse("2027-04-12T06:00:00Z"), ZoneOffset.UTC);
  private final Storage storage = InMemoryStorage.create();

  @Test
  void loadsOnceIntoAnEmptyStorage() {
    SampleTownHall townHall = new SampleTownHall(storage, clock);
    assertThat(townHall.loadIfEmpty()).isTrue();
    assertThat(townHall.loadIfEmpty()).isFalse();
    assertThat(storage.directory().departments()).hasSize(6);
    int officials = storage.directory().departments().stream()
        .mapToInt(d -> storage.directory().officials(d.id()).size()).sum();
    assertThat(officials).isEqualTo(19);
    assertThat(storage.directory().office(SampleTownHall.OFFICE).orElseThrow().phones())
        .anySatisfy(p -> assertThat(p.number()).isEqualTo("+420 220 189 111"));
  }

  @Test
  void everyAgendaHasFreeTimeAndNoneOfItDuringWalkInHours() {
    new SampleTownHall(storage, clock).loadIfEmpty();
    CivicDiary diary = CivicDiary.builder().storage(storage).clock(clock).build();
    LocalDate today = LocalDate.now(clock);
    for (Department department : storage.directory().departments()) {
      List<WalkInHours> walkIn = storage.diaries().walkInHours(department.id());
      assertThat(walkIn).extracting(WalkInHours::day).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
      for (Agenda agenda : storage.directory().agendas(department.id())) {
        List<FreeSlot> free = diary.findingFreeSlots().ofDepartment(department.id(), agenda.id(), today, today.plusDays(13));
        assertThat(free).as(agenda.id().value()).isNotEmpty();
        for (FreeSlot slot : free) {
          ZonedDateTime local = slot.start().atZone(Office.DEFAULT_ZONE);
          boolean duringWalkIn = walkIn.stream().anyMatch(w -> w.day() == local.getDayOfWeek()
              && !local.toLocalTime().isBefore(w.start()) && local.toLocalTime().isBefore(w.end()));
          assertThat(duringWalkIn).as("%s during walk-in hours", local).isFalse();
        }
      }
    }
  }

  @Test
  void urgentIdCardsCanBeBookedOnSaturday() {
    new SampleTownHall(storage, clock).loadIfEmpty();
    CivicDiary diary = CivicDiary.builder().storage(storage).clock(clock).build();
    LocalDate today = LocalDate.now(clock);
    List<FreeSlot> free = diary.findingFreeSlots().ofDepartment(
        org.civicdiary.booking.model.DepartmentId.of("civil-affairs"),
        org.civicdiary.booking.model.AgendaId.of("id-card"), today, today.plusDays(6));
    assertThat(free).anySatisfy(s -> {
      ZonedDateTime local = s.start().atZone(Office.DEFAULT_ZONE);
      assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
      assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    });
  }

  @Test
  void theSaturdayServiceOffersIdCardsAndPassportsButNotResidenceAndClosesOnHolidays() {
    new SampleTownHall(storage, clock).loadIfEmpty();
    CivicDiary diary = CivicDiary.builder().storage(storage).clock(clock).build();
    org.civicdiary.booking.model.DepartmentId civil = org.civicdiary.booking.model.DepartmentId.of("civil-affairs");
    LocalDate from = LocalDate.of(2027, 4, 17);
    LocalDate to = LocalDate.of(2027, 5, 8);
    java.util.function.Function<String, java.util.Set<LocalDate>> saturdays = agenda -> diary.findingFreeSlots()
        .ofDepartment(civil, org.civicdiary.booking.model.AgendaId.of(agenda), from, to).stream()
        .map(slot -> slot.start().atZone(Office.DEFAULT_ZONE).toLocalDate())
        .filter(day -> day.getDayOfWeek() == DayOfWeek.SATURDAY)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    // 1 and 8 May are public holidays: the service is closed then.
    assertThat(saturdays.apply("id-card")).containsExactly(LocalDate.of(2027, 4, 17), LocalDate.of(2027, 4, 24));
    assertThat(saturdays.apply("passport")).containsExactly(LocalDate.of(2027, 4, 17), LocalDate.of(2027, 4, 24));
    assertThat(saturdays.apply("residence")).isEmpty();
  }
}
