/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.civicdiary.booking.holidays.CzechHolidays;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.Storage;

/**
 * The load harness's office: one department of 50 officials who all handle one agenda, each
 * receiving Monday to Friday 08:00-18:00 (40 slots a day), and the list of every bookable slot of
 * the next eight weeks, interleaved across officials so that consecutive bookings meet different
 * diaries (as citizens' do).
 */
final class BenchOffice {
  static final String DEPARTMENT = "bench";
  static final String AGENDA = "visit";
  static final int OFFICIALS = 50;

  private BenchOffice() {}

  static void seed(Storage s) {
    Place hall = new Place("Town hall", "Main square 1");
    List<OfficialId> officials = IntStream.range(0, OFFICIALS).mapToObj(i -> OfficialId.of(official(i))).toList();
    s.transactions().run(() -> {
      s.directory().save(new Office(OfficeId.of("bench"), LocalizedText.of("Úřad", "Office"), Office.DEFAULT_ZONE,
          Office.DEFAULT_SLOT, hall, List.of(), BookingPolicy.DEFAULT));
      s.directory().save(new Department(DepartmentId.of(DEPARTMENT), OfficeId.of("bench"), LocalizedText.of("Odbor", "Department"), hall));
      for (OfficialId id : officials) {
        s.directory().save(new Official(id, DepartmentId.of(DEPARTMENT), "Official " + id, "Room 1", null, true));
      }
      s.directory().save(new Agenda(AgendaId.of(AGENDA), DepartmentId.of(DEPARTMENT), LocalizedText.of("Návštěva", "Visit"), 1,
          Set.copyOf(officials)));
      for (OfficialId id : officials) {
        List<Window> windows = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
          windows.add(Window.weekly(day, LocalTime.of(8, 0), LocalTime.of(18, 0), LocalDate.of(2020, 1, 1)));
        }
        s.diaries().replaceWindows(id, windows);
      }
    });
  }

  static String official(int i) {
    return String.format("official-%02d", i);
  }

  /** Slot starts from tomorrow for 55 days (within the booking horizon): by day, time, then official. */
  static List<String[]> slots(Clock clock) {
    HolidayCalendar holidays = CzechHolidays.create();
    LocalDate today = LocalDate.ofInstant(clock.instant(), Office.DEFAULT_ZONE);
    List<String[]> slots = new ArrayList<>();
    for (LocalDate day = today.plusDays(1); !day.isAfter(today.plusDays(55)); day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() > 5 || holidays.isHoliday(day)) {
        continue;
      }
      for (int q = 0; q < 40; q++) {
        Instant start = day.atTime(LocalTime.of(8, 0).plusMinutes(15L * q)).atZone(Office.DEFAULT_ZONE).toInstant();
        for (int o = 0; o < OFFICIALS; o++) {
          slots.add(new String[] {official(o), start.toString()});
        }
      }
    }
    return slots;
  }
}
