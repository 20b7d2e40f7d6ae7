/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.booking.usecase.TownHall.OPERATOR;
import static org.civicdiary.booking.usecase.TownHall.PRAGUE;
import static org.civicdiary.booking.usecase.TownHall.SINCE;
import static org.civicdiary.booking.usecase.TownHall.daily;
import static org.civicdiary.booking.usecase.TownHall.local;
import static org.civicdiary.booking.usecase.TownHall.weekly;
import static org.civicdiary.booking.usecase.TownHall.workdays;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotNotBookable.Reason;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.holidays.CzechHolidays;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FreeSlotsTest {
  private static final Duration SLOT = Duration.ofMinutes(15);

  // ---- every offered slot, in many random diaries --------------------------------------------

  @ParameterizedTest(name = "diary seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void everyOfferedSlotIsFreeTimeOfTheDiaryAndCanBeBooked(long seed) {
    Random random = new Random(seed);
    // Around Easter and the spring change of 2027, from a time that is not on the slot grid.
    TownHall hall = TownHall.at("2027-03-20T09:07:00Z");
    LocalDate today = LocalDate.of(2027, 3, 20);
    LocalDate last = today.plusDays(20);
    List<OfficialId> officials = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      officials.add(hall.official("official-" + i, randomWindows(random, today)));
    }
    List<AgendaId> agendas = List.of(
        hall.agenda("single", 1, officials.toArray(OfficialId[]::new)),
        hall.agenda("double", 2, officials.toArray(OfficialId[]::new)),
        hall.agenda("triple", 3, officials.toArray(OfficialId[]::new)));
    // Some booked time, some of it cancelled again, then absences that displace some of it.
    for (OfficialId official : officials) {
      AgendaId agenda = agendas.get(random.nextInt(agendas.size()));
      for (FreeSlot slot : hall.free(official, agenda, today, last)) {
        if (random.nextInt(4) == 0) {
          try {
            Booked booked = hall.book(official, agenda, slot.start());
            if (random.nextInt(5) == 0) {
              hall.diary.managingOwnReservation().cancel(booked.token());
            }
          } catch (SlotTaken overlapsAnEarlierPick) {
            // a longer agenda's pick overlapping the previous one: the store refused it, as it must
          }
        }
      }
      for (int a = random.nextInt(4); a > 0; a--) {
        Instant start = hall.clock.instant().plus(Duration.ofMinutes(random.nextInt(20 * 24 * 60)));
        hall.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(official, start,
            start.plus(Duration.ofMinutes(30 + random.nextInt(2 * 24 * 60))), AbsenceKind.ILLNESS, "flu"));
      }
    }
    Instant earliest = hall.clock.instant().plus(Duration.ofHours(2));
    int offered = 0;
    for (OfficialId official : officials) {
      List<Window> windows = hall.storage.diaries().windows(official);
      List<Absence> absences = hall.storage.diaries().absences(List.of(official), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
      List<Reservation> active = hall.reservations().stream()
          .filter(r -> r.official().equals(official) && r.status().holdsSlots()).toList();
      for (AgendaId agenda : agendas) {
        int slots = hall.storage.directory().agenda(agenda).orElseThrow().slots();
        List<FreeSlot> free = hall.free(official, agenda, today, last);
        offered += free.size();
        assertThat(free).extracting(FreeSlot::start)
            .as("official %s agenda %s", official, agenda)
            .containsExactlyElementsOf(expectedStarts(windows, today, last, absences, active, earliest, slots));
        for (FreeSlot slot : free) {
          assertThat(slot.official()).isEqualTo(official);
          assertThat(slot.end()).isEqualTo(slot.start().plus(SLOT.multipliedBy(slots)));
          assertThat(slot.start()).isAfterOrEqualTo(earliest);
          assertThat(active).noneMatch(r -> r.overlaps(slot.start(), slot.end()));
          assertThat(absences).noneMatch(a -> a.overlaps(slot.start(), slot.end()));
          LocalDate day = LocalDate.ofInstant(slot.start(), PRAGUE);
          if (CzechHolidays.create().isHoliday(day)) {
            assertThat(windows).anyMatch(w -> w.opensOn(day, true));
          }
        }
      }
    }
    assertThat(offered).as("a diary that offers nothing proves nothing").isPositive();
    // The calendar's days count what the slots offer: distinct starts per local day.
    for (AgendaId agenda : agendas) {
      assertThat(hall.diary.findingFreeSlots().daysOfDepartment(TownHall.CIVIL, agenda, today, last))
          .as("department, agenda %s", agenda)
          .isEqualTo(startsPerDay(hall.diary.findingFreeSlots().ofDepartment(TownHall.CIVIL, agenda, today, last)));
      for (OfficialId official : officials) {
        assertThat(hall.diary.findingFreeSlots().daysOfOfficial(official, agenda, today, last))
            .as("official %s, agenda %s", official, agenda)
            .isEqualTo(startsPerDay(hall.free(official, agenda, today, last)));
      }
    }
    // Each offered slot can be booked (and is let go again, so the next one is tried on the same diary).
    for (OfficialId official : officials) {
      for (AgendaId agenda : agendas) {
        for (FreeSlot slot : hall.free(official, agenda, today, last)) {
          Booked booked = hall.book(official, agenda, slot.start());
          assertThat(booked.reservation().end()).isEqualTo(slot.end());
          hall.diary.managingOwnReservation().cancel(booked.token());
        }
      }
    }
    // Booking them one after another, all that do not overlap an earlier pick succeed, and then
    // nothing is left.
    OfficialId official = officials.get(0);
    AgendaId agenda = agendas.get(random.nextInt(agendas.size()));
    Instant taken = Instant.EPOCH;
    for (FreeSlot slot : hall.free(official, agenda, today, last)) {
      if (!slot.start().isBefore(taken)) {
        hall.book(official, agenda, slot.start());
        taken = slot.end();
      }
    }
    assertThat(hall.free(official, agenda, today, last)).isEmpty();
  }

  private static java.util.SortedMap<LocalDate, Integer> startsPerDay(List<FreeSlot> free) {
    java.util.SortedMap<LocalDate, Integer> days = new java.util.TreeMap<>();
    free.stream().map(FreeSlot::start).distinct()
        .forEach(start -> days.merge(LocalDate.ofInstant(start, PRAGUE), 1, Integer::sum));
    return days;
  }

  private static Window[] randomWindows(Random random, LocalDate today) {
    Place branch = new Place("Pobočka Bořislavka", "Evropská 2590/33, Praha 6");
    Window[] windows = new Window[2 + random.nextInt(4)];
    for (int i = 0; i < windows.length; i++) {
      LocalTime start = LocalTime.of(random.nextInt(21), 15 * random.nextInt(4));
      LocalTime end = start.plusMinutes(15L * (1 + random.nextInt(Math.min(16, (23 * 60 + 45 - start.toSecondOfDay() / 60) / 15))));
      LocalDate from = random.nextBoolean() ? SINCE : today.plusDays(random.nextInt(10));
      LocalDate until = random.nextBoolean() ? null : from.plusDays(random.nextInt(15));
      DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
      windows[i] = new Window(day, start, end, from, until,
          random.nextInt(5) == 0 ? holidaysOn(day, today) : Set.of(), random.nextInt(4) == 0 ? branch : null);
    }
    return windows;
  }

  /** The public holidays on this weekday in the next year: a window that opens on all of them. */
  private static Set<LocalDate> holidaysOn(DayOfWeek day, LocalDate today) {
    Set<LocalDate> dates = new HashSet<>();
    for (LocalDate d = today; d.isBefore(today.plusYears(1)); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == day && CzechHolidays.create().isHoliday(d)) {
        dates.add(d);
      }
    }
    return dates;
  }

  /** The free starts, computed the slow and obvious way: every slot of every window, one by one. */
  private static List<Instant> expectedStarts(List<Window> windows, LocalDate from, LocalDate to,
      List<Absence> absences, List<Reservation> active, Instant earliest, int slots) {
    CzechHolidays holidays = CzechHolidays.create();
    TreeSet<Instant> free = new TreeSet<>();
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      for (Window w : windows) {
        if (!w.opensOn(date, holidays.isHoliday(date))) {
          continue;
        }
        Instant end = ZonedDateTime.of(date, w.end(), PRAGUE).toInstant();
        for (Instant t = ZonedDateTime.of(date, w.start(), PRAGUE).toInstant(); !t.plus(SLOT).isAfter(end); t = t.plus(SLOT)) {
          Instant s = t;
          if (!s.isBefore(earliest)
              && absences.stream().noneMatch(a -> a.overlaps(s, s.plus(SLOT)))
              && active.stream().noneMatch(r -> r.overlaps(s, s.plus(SLOT)))) {
            free.add(s);
          }
        }
      }
    }
    return free.stream()
        .filter(s -> Stream.iterate(s, t -> t.plus(SLOT)).limit(slots).allMatch(free::contains))
        .toList();
  }

  // ---- daylight-saving days ---------------------------------------------------------------------

  /** One official's diary with one agenda, in a town hall whose clock shows {@code now}. */
  private record Diary(TownHall hall, OfficialId official, AgendaId agenda) {
    static Diary of(String now, int agendaSlots, Window... windows) {
      TownHall hall = TownHall.at(now);
      OfficialId official = hall.official("novak", windows);
      return new Diary(hall, official, hall.agenda("passport", agendaSlots, official));
    }

    List<Instant> freeStarts(LocalDate day) {
      return hall.free(official, agenda, day).stream().map(FreeSlot::start).toList();
    }

    /** The local days with free slots, each once per free slot. */
    List<LocalDate> freeDays(LocalDate from, LocalDate to) {
      return hall.free(official, agenda, from, to).stream().map(s -> LocalDate.ofInstant(s.start(), PRAGUE)).toList();
    }

    Reservation book(Instant start) {
      return hall.book(official, agenda, start).reservation();
    }
  }

  @ParameterizedTest(name = "{1}: {3} slots from {2}")
  @CsvSource({
      "2027-03-20T10:00:00Z, 2027-03-28, 2027-03-28T00:00:00Z, 8",
      "2027-10-20T10:00:00Z, 2027-10-31, 2027-10-30T23:00:00Z, 16"})
  void windowFromOneToFourHasTheRealTimeOfTheChangeDay(String now, LocalDate sunday, String first, int count) {
    Diary diary = Diary.of(now, 1, weekly(DayOfWeek.SUNDAY, "01:00", "04:00"));

    assertThat(diary.freeStarts(sunday)).containsExactlyElementsOf(every15Minutes(first, count));
    Instant lastSlot = Instant.parse(first).plus(SLOT.multipliedBy(count - 1));
    assertThat(diary.book(lastSlot).end()).isEqualTo(local(sunday + "T04:00"));
  }

  @Test
  void repeatedHourOfTheAutumnChangeHasEachSlotTwice() {
    Diary diary = Diary.of("2027-10-20T10:00:00Z", 1, weekly(DayOfWeek.SUNDAY, "01:00", "04:00"));
    // 02:15 happens twice: at +02:00 and at +01:00, and each is its own slot.
    Instant firstQuarterPastTwo = Instant.parse("2027-10-31T00:15:00Z");
    Instant secondQuarterPastTwo = Instant.parse("2027-10-31T01:15:00Z");

    diary.book(firstQuarterPastTwo);
    diary.book(secondQuarterPastTwo);

    assertThat(diary.freeStarts(LocalDate.of(2027, 10, 31)))
        .hasSize(14)
        .doesNotContain(firstQuarterPastTwo, secondQuarterPastTwo);
  }

  @ParameterizedTest(name = "weekend of {1}")
  @CsvSource({
      "2027-03-20T10:00:00Z, 2027-03-27, 2027-03-27T07:00:00Z, 2027-03-28T06:00:00Z",
      "2027-10-20T10:00:00Z, 2027-10-30, 2027-10-30T06:00:00Z, 2027-10-31T07:00:00Z"})
  void morningWindowKeepsItsLocalTimesAcrossTheChange(String now, LocalDate saturday, String saturdayFirst,
      String sundayFirst) {
    Diary diary = Diary.of(now, 1, weekly(DayOfWeek.SATURDAY, "08:00", "12:00"), weekly(DayOfWeek.SUNDAY, "08:00", "12:00"));

    assertThat(diary.freeStarts(saturday)).containsExactlyElementsOf(every15Minutes(saturdayFirst, 16));
    assertThat(diary.freeStarts(saturday.plusDays(1))).containsExactlyElementsOf(every15Minutes(sundayFirst, 16));
  }

  @Test
  void longMeetingSpansTheSpringGapInRealTime() {
    Diary diary = Diary.of("2027-03-20T10:00:00Z", 4, weekly(DayOfWeek.SUNDAY, "01:00", "04:00"));

    assertThat(diary.freeStarts(LocalDate.of(2027, 3, 28))).containsExactlyElementsOf(every15Minutes("2027-03-28T00:00:00Z", 5));
    assertThat(diary.book(Instant.parse("2027-03-28T01:00:00Z")).end()).isEqualTo(Instant.parse("2027-03-28T02:00:00Z"));
  }

  private static List<Instant> every15Minutes(String first, int count) {
    return Stream.iterate(Instant.parse(first), t -> t.plus(SLOT)).limit(count).toList();
  }

  // ---- public holidays -------------------------------------------------------------------------

  @Test
  void goodFridayAndEasterMondayAreClosed() {
    Diary diary = Diary.of("2027-03-20T10:00:00Z", 1, workdays("08:00", "12:00"));

    assertThat(diary.freeDays(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 30)))
        .hasSize(32)
        .containsOnly(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 30));
    assertThatThrownBy(() -> diary.book(local("2027-03-26T08:00")))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.HOLIDAY));
    assertThatThrownBy(() -> diary.book(local("2027-03-29T11:45")))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.HOLIDAY));
    assertThat(diary.hall().reservations()).isEmpty();
  }

  @Test
  void windowThatOpensOnHolidaysOffersEaster() {
    TownHall hall = TownHall.at("2027-03-20T10:00:00Z");
    OfficialId official = hall.official("holiday-service",
        new Window(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), SINCE, null,
            Set.of(LocalDate.of(2027, 3, 26)), null),
        new Window(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), SINCE, null,
            Set.of(LocalDate.of(2027, 3, 29)), null));
    AgendaId agenda = hall.agenda("passport", 1, official);

    assertThat(hall.free(official, agenda, LocalDate.of(2027, 3, 26))).extracting(FreeSlot::start)
        .containsExactlyElementsOf(every15Minutes("2027-03-26T08:00:00Z", 4));
    assertThat(hall.free(official, agenda, LocalDate.of(2027, 3, 29))).extracting(FreeSlot::start)
        .containsExactlyElementsOf(every15Minutes("2027-03-29T07:00:00Z", 4));
    assertThat(hall.book(official, agenda, local("2027-03-29T09:00")).reservation().start())
        .isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
  }

  @Test
  void fixedCzechHolidaysAreClosed() {
    Set<LocalDate> holidays = Set.of(
        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 8), LocalDate.of(2027, 7, 5),
        LocalDate.of(2027, 7, 6), LocalDate.of(2027, 9, 28), LocalDate.of(2027, 10, 28), LocalDate.of(2027, 11, 17),
        LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26));
    for (LocalDate holiday : holidays) {
      TownHall hall = TownHall.at(holiday.minusDays(5).atStartOfDay(PRAGUE).toInstant().toString());
      OfficialId official = hall.official("novak", java.util.Arrays.stream(DayOfWeek.values())
          .map(d -> Window.weekly(d, LocalTime.of(8, 0), LocalTime.of(10, 0), LocalDate.of(2026, 1, 1)))
          .toArray(Window[]::new));
      AgendaId agenda = hall.agenda("id-card", 1, official);

      List<FreeSlot> free = hall.free(official, agenda, holiday.minusDays(2), holiday.plusDays(2));

      Set<LocalDate> open = new TreeSet<>();
      for (LocalDate d = holiday.minusDays(2); !d.isAfter(holiday.plusDays(2)); d = d.plusDays(1)) {
        if (!holidays.contains(d)) {
          open.add(d);
        }
      }
      assertThat(free).as("around %s", holiday)
          .extracting(s -> LocalDate.ofInstant(s.start(), PRAGUE)).containsOnlyElementsOf(open);
      assertThat(free).hasSize(8 * open.size());
    }
  }

  // ---- horizon and notice ----------------------------------------------------------------------

  @Test
  void lastBookableDayIsTodayPlusSixtyInTheOfficesZone() {
    Diary diary = Diary.of("2027-06-01T06:00:00Z", 1, daily("08:00", "16:00"));

    assertThat(diary.freeDays(LocalDate.of(2027, 7, 30), LocalDate.of(2027, 8, 2)))
        .containsOnly(LocalDate.of(2027, 7, 30), LocalDate.of(2027, 7, 31));
    assertThat(diary.book(local("2027-07-31T15:45")).end()).isEqualTo(local("2027-07-31T16:00"));
    TownHall.State before = diary.hall().state();
    assertThatThrownBy(() -> diary.book(local("2027-08-01T08:00")))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_FAR_AHEAD));
    assertThat(diary.hall().state()).isEqualTo(before);

    // Late in the evening of 1 June (UTC) it is already 2 June in Prague: one more day opens.
    diary.hall().clock.set(Instant.parse("2027-06-01T22:30:00Z"));
    assertThat(diary.freeDays(LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 2))).containsOnly(LocalDate.of(2027, 8, 1));
    assertThat(diary.book(local("2027-08-01T08:00")).start()).isEqualTo(local("2027-08-01T08:00"));
  }

  @ParameterizedTest(name = "at {0}: {1} is the first bookable, {2} is too soon")
  @CsvSource({
      "2027-03-01T08:00:00Z, 2027-03-01T10:00:00Z, 2027-03-01T09:45:00Z",
      // a clock off the slot grid: the notice ends inside a slot, so that slot is too soon
      "2027-03-01T08:07:00Z, 2027-03-01T10:15:00Z, 2027-03-01T10:00:00Z",
      // half a second late for 10:00: it is no longer offered, as it could no longer be booked
      "2027-03-01T08:00:00.500Z, 2027-03-01T10:15:00Z, 2027-03-01T10:00:00Z"})
  void exactlyTheMinimumNoticeAheadIsBookableAndOneSlotEarlierIsNot(String now, Instant first, Instant tooSoon) {
    Diary diary = Diary.of(now, 1, daily("08:00", "16:00"));

    assertThat(diary.freeStarts(LocalDate.of(2027, 3, 1)).get(0)).isEqualTo(first);
    TownHall.State before = diary.hall().state();
    assertThatThrownBy(() -> diary.book(tooSoon))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SOON));
    assertThat(diary.hall().state()).isEqualTo(before);
    assertThat(diary.book(first).start()).isEqualTo(first);
  }

  @Test
  void operatorOnThePhoneMayBookInsideTheNoticeButNotInThePast() {
    Diary diary = Diary.of("2027-03-01T08:00:00Z", 1, daily("08:00", "16:00"));
    TownHall hall = diary.hall();
    BookingRequest soon = new BookingRequest(diary.official(), diary.agenda(), Instant.parse("2027-03-01T08:15:00Z"),
        hall.citizen(), "Lost ID card", Channel.PHONE, Language.CS);
    BookingRequest past = new BookingRequest(diary.official(), diary.agenda(), Instant.parse("2027-03-01T07:45:00Z"),
        hall.citizen(), "Lost ID card", Channel.PHONE, Language.CS);

    assertThat(hall.diary.booking().bookForCaller(OPERATOR, soon).reservation().channel()).isEqualTo(Channel.PHONE);
    assertThatThrownBy(() -> hall.diary.booking().bookForCaller(OPERATOR, past))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SOON));
  }

  // ---- agendas of several slots, and a department's first available -----------------------------

  @Test
  void agendaOfThreeSlotsNeedsThreeConsecutiveFreeSlots() {
    TownHall hall = TownHall.at("2027-03-01T06:00:00Z");
    OfficialId official = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "10:00"));
    AgendaId single = hall.agenda("single", 1, official);
    AgendaId triple = hall.agenda("triple", 3, official);
    hall.book(official, single, local("2027-03-02T08:45"));

    assertThat(hall.free(official, triple, LocalDate.of(2027, 3, 2))).extracting(FreeSlot::start).containsExactly(
        local("2027-03-02T08:00"), local("2027-03-02T09:00"), local("2027-03-02T09:15"));
    assertThat(hall.free(official, triple, LocalDate.of(2027, 3, 2)).get(0).end()).isEqualTo(local("2027-03-02T08:45"));
    assertThatThrownBy(() -> hall.book(official, triple, local("2027-03-02T08:15"))).isInstanceOf(SlotTaken.class);
    assertThatThrownBy(() -> hall.book(official, triple, local("2027-03-02T09:30")))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTSIDE_DIARY));
    assertThat(hall.book(official, triple, local("2027-03-02T09:15")).reservation().end()).isEqualTo(local("2027-03-02T10:00"));
  }

  @Test
  void departmentFirstAvailableMergesActiveOfficialsWhoHandleTheAgenda() {
    TownHall hall = TownHall.at("2027-03-01T06:00:00Z");
    OfficialId a = hall.official("a", weekly(DayOfWeek.TUESDAY, "08:00", "09:00"));
    OfficialId b = hall.official("b", weekly(DayOfWeek.TUESDAY, "08:30", "09:30"));
    OfficialId inactive = hall.official("c", false, weekly(DayOfWeek.TUESDAY, "07:00", "10:00"));
    OfficialId other = hall.official("d", weekly(DayOfWeek.TUESDAY, "07:00", "10:00"));
    AgendaId agenda = hall.agenda("id-card", 1, a, b, inactive);
    hall.agenda("building-permit", 1, other);
    hall.book(b, agenda, local("2027-03-02T09:00"));

    List<FreeSlot> free = hall.diary.findingFreeSlots().ofDepartment(TownHall.CIVIL, agenda,
        LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 2));

    assertThat(free).extracting(s -> s.official().value() + "@" + LocalTime.ofInstant(s.start(), PRAGUE)).containsExactly(
        "a@08:00", "a@08:15", "a@08:30", "b@08:30", "a@08:45", "b@08:45", "b@09:15");
    assertThat(hall.free(inactive, agenda, LocalDate.of(2027, 3, 2))).isEmpty();
    assertThatThrownBy(() -> hall.book(inactive, agenda, local("2027-03-02T08:00")))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.OFFICIAL_INACTIVE));
    for (FreeSlot slot : free) {
      assertThat(hall.book(slot.official(), agenda, slot.start()).reservation().official()).isEqualTo(slot.official());
    }
  }

  @Test
  void absenceAndBookedTimeAreNotOffered() {
    TownHall hall = TownHall.at("2027-03-01T06:00:00Z");
    OfficialId official = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "10:00"));
    AgendaId agenda = hall.agenda("id-card", 1, official);
    hall.book(official, agenda, local("2027-03-02T08:15"));
    hall.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(official, local("2027-03-02T08:50"),
        local("2027-03-02T09:20"), AbsenceKind.BLOCK, "meeting with the mayor"));

    assertThat(hall.free(official, agenda, LocalDate.of(2027, 3, 2))).extracting(s -> LocalTime.ofInstant(s.start(), PRAGUE))
        .containsExactly(LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(9, 30), LocalTime.of(9, 45));
    assertThatThrownBy(() -> hall.book(official, agenda, local("2027-03-02T09:15")))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.ABSENT));
    assertThatThrownBy(() -> hall.book(official, agenda, local("2027-03-02T10:00")))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTSIDE_DIARY));
  }
}
