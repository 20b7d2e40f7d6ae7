/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebShare;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The widget's "first available" query: free slots of a department of 50 officials over 8 weeks,
 * half of their slots booked, on the in-memory storage (so that it measures the core, not a
 * database). Goal: at most 5 ms per query; with busy feeds on (every official's own calendar
 * blocking two hours a working day) and channel quotas on (every window keeping a quarter of its
 * slots for the phone, the web's bookings holding seats of its share), at least 0.8 of the rate
 * without, in the same run. Commands
 * and results are in BENCHMARKS.md. The long
 * warm-up is on purpose: on a busy machine the JIT compiler needs it before the code is compiled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class FreeSlotsBenchmark {
  static final int OFFICIALS = 50;
  static final int WEEKS = 8;
  /** Monday 1 March 2027, 06:00 in Prague. */
  static final Instant NOW = Instant.parse("2027-03-01T05:00:00Z");
  private static final OfficeId OFFICE = OfficeId.of("prague-6");
  private static final DepartmentId DEPARTMENT = DepartmentId.of("civil");
  private static final AgendaId AGENDA = AgendaId.of("id-card");
  private static final Place PLACE = new Place("Radnice", "Čs. armády 23, Praha 6");
  /** With quotas on, the share of each window kept for the phone. */
  private static final int PHONE_PERCENT = 25;

  /** Whether every official has a busy feed whose busy time the query must leave out. */
  @Param({"false", "true"})
  public boolean busyFeeds;

  /** Whether every window keeps a phone share, so that the query must leave out what the web may not take. */
  @Param({"false", "true"})
  public boolean quotas;

  private CivicDiary diary;
  private LocalDate from;
  private LocalDate to;

  @Setup(Level.Trial)
  public void townHall() {
    Storage storage = InMemoryStorage.create();
    diary = CivicDiary.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    from = LocalDate.ofInstant(NOW, Office.DEFAULT_ZONE);
    to = from.plusWeeks(WEEKS).minusDays(1);
    List<OfficialId> officials = new ArrayList<>();
    for (int i = 1; i <= OFFICIALS; i++) {
      officials.add(OfficialId.of("official-" + i));
    }
    storage.transactions().run(() -> {
      storage.directory().save(new Office(OFFICE, LocalizedText.of("Praha 6", "Prague 6"), Office.DEFAULT_ZONE,
          Office.DEFAULT_SLOT, PLACE, List.of(), BookingPolicy.DEFAULT));
      storage.directory().save(new Department(DEPARTMENT, OFFICE, LocalizedText.of("Občanské", "Civil"), PLACE));
      for (OfficialId official : officials) {
        storage.directory().save(new Official(official, DEPARTMENT, "Úředník " + official, "101", null, true));
        storage.diaries().replaceWindows(official, weekdays().stream()
            .map(w -> quotas ? w.withPhoneShare(0, PHONE_PERCENT) : w).toList());
      }
      storage.directory().save(new Agenda(AGENDA, DEPARTMENT, LocalizedText.of("Občanský průkaz", "ID card"), 1,
          Set.copyOf(officials)));
    });
    // Half of the free slots booked, at random; a few officials on a week's holiday.
    Random random = new Random(42);
    List<FreeSlot> free = diary.findingFreeSlots().ofDepartment(DEPARTMENT, AGENDA, from, to);
    storage.transactions().run(() -> {
      int n = 0;
      for (FreeSlot slot : free) {
        if (random.nextBoolean()) {
          storage.reservations().add(reservation(slot, n++), Office.DEFAULT_SLOT,
              quotas ? webShares(slot) : List.of());
        }
      }
      for (int i = 0; i < OFFICIALS; i += 10) {
        Instant start = from.plusWeeks(1 + i % WEEKS).atStartOfDay(Office.DEFAULT_ZONE).toInstant();
        storage.diaries().add(new Absence(AbsenceId.random(), officials.get(i), start, start.plus(Duration.ofDays(7)),
            AbsenceKind.HOLIDAY, "dovolená"));
      }
    });
    if (busyFeeds) {
      addBusyFeeds(storage, officials, random);
    }
    int left = query().size();
    if (left < free.size() / 3 || left > free.size() * 2 / 3) {
      throw new IllegalStateException("expected about half of " + free.size() + " slots free, found " + left);
    }
  }

  /**
   * Each official's own calendar: two one-hour meetings every working day at random times within
   * the windows (about 80 intervals an official, 4,000 in all), as a poll would have stored them.
   */
  private void addBusyFeeds(Storage storage, List<OfficialId> officials, Random random) {
    storage.transactions().run(() -> {
      for (OfficialId official : officials) {
        storage.busyFeeds().save(BusyFeed.of(official, "https://calendar.example/" + official.value() + ".ics"));
        List<BusyTime> busy = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
          if (day.getDayOfWeek().getValue() > 5) {
            continue;
          }
          for (int meeting = 0; meeting < 2; meeting++) {
            Instant start = day.atTime(LocalTime.of(8, 0).plusMinutes(15L * random.nextInt(32)))
                .atZone(Office.DEFAULT_ZONE).toInstant();
            busy.add(new BusyTime(official, start, start.plus(Duration.ofHours(1))));
          }
        }
        busy.sort(java.util.Comparator.comparing(BusyTime::start));
        storage.busyFeeds().replaceBusy(official, busy);
      }
    });
  }

  /**
   * The web's share of the window occurrence a booked slot lies in, as a web booking takes a seat of
   * it; none for the occurrences of the first two days, released already.
   */
  private static List<WebShare> webShares(FreeSlot slot) {
    LocalDate day = LocalDate.ofInstant(slot.start(), Office.DEFAULT_ZONE);
    LocalTime time = LocalTime.ofInstant(slot.start(), Office.DEFAULT_ZONE);
    Window window = weekdays().stream()
        .filter(w -> w.appliesOn(day) && !time.isBefore(w.start()) && time.isBefore(w.end()))
        .findFirst().orElseThrow();
    int capacity = window.capacity(Office.DEFAULT_SLOT);
    Instant opens = day.atTime(window.start()).atZone(Office.DEFAULT_ZONE).toInstant();
    if (!opens.isAfter(NOW.plus(BookingPolicy.DEFAULT.phoneShareRelease()))) {
      return List.of();
    }
    return List.of(new WebShare(slot.official(), opens, day.atTime(window.end()).atZone(Office.DEFAULT_ZONE).toInstant(),
        capacity - window.withPhoneShare(0, PHONE_PERCENT).phoneShare(capacity)));
  }

  private static List<Window> weekdays() {
    List<Window> windows = new ArrayList<>();
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
      windows.add(Window.weekly(day, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalDate.of(2027, 1, 1)));
      windows.add(Window.weekly(day, LocalTime.of(13, 0), LocalTime.of(17, 0), LocalDate.of(2027, 1, 1)));
    }
    windows.add(Window.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(17, 0), LocalTime.of(19, 0), LocalDate.of(2027, 1, 1)));
    return windows;
  }

  private static Reservation reservation(FreeSlot slot, int n) {
    return new Reservation(ReservationId.random(), BookingCode.numbered(n), DEPARTMENT, slot.official(), AGENDA, slot.start(), slot.end(),
        new Citizen("Občan " + n, "obcan" + n + "@example.cz", null), "Občanský průkaz", Channel.WEB, Language.CS,
        Status.ACTIVE, NOW, NOW, 0, 0, null);
  }

  private List<FreeSlot> query() {
    return diary.findingFreeSlots().ofDepartment(DEPARTMENT, AGENDA, from, to);
  }

  @Benchmark
  public List<FreeSlot> departmentFirstAvailableEightWeeks() {
    return query();
  }
}
