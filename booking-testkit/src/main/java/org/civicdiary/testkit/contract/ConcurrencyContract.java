/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.PolicyViolated.Policy;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The no-double-booking invariant under concurrency, through the use cases: what every storage
 * must keep true however many threads race. An adapter's test extends this class.
 */
public abstract class ConcurrencyContract {
  protected static final int THREADS = 64;
  protected static final StaffMember OPERATOR = new StaffMember("operator", Role.OPERATOR, null);
  protected static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null);
  protected Storage storage;
  protected CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    diary = CivicDiary.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @Test
  void racingForFiftySlotsEndsWithExactlyFiftyReservations() throws Exception {
    List<FreeSlot> slots = freeSlots(NOVAK).subList(0, 50);
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger booked = new AtomicInteger();
    AtomicInteger taken = new AtomicInteger();
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    race(THREADS, () -> {
      for (int i = attempts.getAndIncrement(); i < 2000; i = attempts.getAndIncrement()) {
        FreeSlot slot = slots.get(Math.floorMod(i * 7919, 50));
        try {
          diary.booking().book(request(slot.official(), slot.start(), "citizen" + i + "@example.cz"));
          booked.incrementAndGet();
        } catch (SlotTaken e) {
          taken.incrementAndGet();
        } catch (RuntimeException e) {
          unexpected.add(e);
        }
      }
    });
    assertThat(unexpected).isEmpty();
    assertThat(booked.get()).isEqualTo(50);
    assertThat(taken.get()).isEqualTo(1950);
    assertThat(active()).hasSize(50);
    long reminders = active().stream().filter(r -> r.start().minus(java.time.Duration.ofDays(1)).isAfter(NOW)).count();
    assertThat(storage.outbox().pendingCount()).isEqualTo(50 + reminders);
    assertSlotsHeldExactlyByActiveReservations();
  }

  @Test
  void theSameSlotIsWonByExactlyOneOfSixtyFourThreads() throws Exception {
    FreeSlot slot = freeSlots(NOVAK).get(0);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger booked = new AtomicInteger();
    AtomicInteger taken = new AtomicInteger();
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    race(THREADS, () -> {
      try {
        diary.booking().book(request(NOVAK, slot.start(), "racer" + next.getAndIncrement() + "@example.cz"));
        booked.incrementAndGet();
      } catch (SlotTaken e) {
        taken.incrementAndGet();
      } catch (RuntimeException e) {
        unexpected.add(e);
      }
    });
    assertThat(unexpected).isEmpty();
    assertThat(booked.get()).isEqualTo(1);
    assertThat(taken.get()).isEqualTo(THREADS - 1);
    assertSlotsHeldExactlyByActiveReservations();
  }

  @Test
  void concurrentMovesNeverLeaveASlotHeldTwiceOrAReservationWithoutItsSlots() throws Exception {
    List<FreeSlot> free = freeSlots(NOVAK);
    List<ReservationId> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(diary.booking().book(request(NOVAK, free.get(i).start(), "mover" + i + "@example.cz")).reservation().id());
    }
    // Targets overlap the booked time and each other, with two officials, so moves collide often.
    List<FreeSlot> targets = new ArrayList<>(free.subList(20, 45));
    targets.addAll(freeSlots(DVORAK).subList(0, 10));
    AtomicInteger moves = new AtomicInteger();
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    race(THREADS, () -> {
      Random random = new Random(Thread.currentThread().getId());
      for (int i = 0; i < 15; i++) {
        ReservationId id = ids.get(random.nextInt(ids.size()));
        FreeSlot target = targets.get(random.nextInt(targets.size()));
        try {
          diary.handlingReservations().move(OPERATOR, id, target.official(), target.start(), "re-arranged");
          moves.incrementAndGet();
        } catch (SlotTaken | ConcurrentChange e) {
          // lost the race: the reservation stays where it was
        } catch (RuntimeException e) {
          unexpected.add(e);
        }
      }
    });
    assertThat(unexpected).isEmpty();
    assertThat(moves.get()).isPositive();
    assertThat(active()).hasSize(30);
    assertSlotsHeldExactlyByActiveReservations();
  }

  /**
   * A move changes two diaries. Moves crossing between the same two officials at once must queue,
   * not deadlock: each thread moves its own reservation to a time nobody else wants, so every move
   * must succeed.
   */
  @Test
  void movesCrossingBetweenTwoOfficialsAllSucceed() throws Exception {
    List<FreeSlot> novak = freeSlots(NOVAK);
    List<FreeSlot> dvorak = freeSlots(DVORAK);
    int threads = 16;
    List<ReservationId> ids = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      List<FreeSlot> home = i % 2 == 0 ? novak : dvorak;
      ids.add(diary.booking().book(request(home.get(i).official(), home.get(i).start(), "crossing" + i + "@example.cz"))
          .reservation().id());
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger moves = new AtomicInteger();
    race(threads, () -> {
      int i = next.getAndIncrement();
      for (int round = 1; round <= 10; round++) {
        // Thread i's reservation goes back and forth between its own time in each diary.
        List<FreeSlot> there = (i + round) % 2 == 0 ? novak : dvorak;
        diary.handlingReservations().move(OPERATOR, ids.get(i), there.get(i).official(), there.get(i).start(), null);
        moves.incrementAndGet();
      }
    });
    assertThat(moves.get()).isEqualTo(threads * 10);
    assertThat(active()).hasSize(threads);
    assertSlotsHeldExactlyByActiveReservations();
  }

  /**
   * The per-address limits hold under concurrency too: one address booking many different times at
   * once gets exactly the office's limit, whatever the letter case, and the same address booking one
   * time with two officials at once (booked by staff, who alone are told of an overlap) gets one of them.
   */
  @Test
  void oneAddressBookingAtOnceGetsNoMoreThanItsLimit() throws Exception {
    allowManyADay();
    List<FreeSlot> novak = freeSlots(NOVAK);
    List<FreeSlot> dvorak = freeSlots(DVORAK);
    int limit = Fixtures.office().policy().maxOpenPerEmail();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger booked = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    race(16, () -> {
      int i = next.getAndIncrement();
      String email = i % 2 == 0 ? "soubezna@example.cz" : "SOUBEZNA@Example.CZ";
      try {
        diary.booking().book(request(NOVAK, novak.get(i * 3).start(), email));
        booked.incrementAndGet();
      } catch (PolicyViolated e) {
        assertThat(e.policy()).isEqualTo(Policy.TOO_MANY_RESERVATIONS);
        refused.incrementAndGet();
      }
    });
    assertThat(booked.get()).isEqualTo(limit);
    assertThat(refused.get()).isEqualTo(16 - limit);

    int rounds = 8;
    for (int round = 0; round < rounds; round++) {
      AtomicInteger sameTime = new AtomicInteger();
      AtomicInteger overlapping = new AtomicInteger();
      AtomicInteger pair = new AtomicInteger();
      int at = 60 + round;
      String email = "round" + round + "@example.cz";
      race(2, () -> {
        FreeSlot slot = (pair.getAndIncrement() == 0 ? novak : dvorak).get(at);
        try {
          // Only staff are told of an overlap (a citizen's answer must not depend on the time).
          diary.booking().bookForCaller(OPERATOR, byPhone(slot.official(), slot.start(), email));
          sameTime.incrementAndGet();
        } catch (PolicyViolated e) {
          assertThat(e.policy()).isEqualTo(Policy.OVERLAPPING_RESERVATION);
          overlapping.incrementAndGet();
        }
      });
      assertThat(sameTime.get()).as("round %d", round).isOne();
      assertThat(overlapping.get()).as("round %d", round).isOne();
    }
    assertThat(active()).hasSize(limit + rounds);
    assertSlotsHeldExactlyByActiveReservations();
  }

  /**
   * Issue 14 item 6: eight bookings at once from +tag and dot variants of one Gmail mailbox, each
   * at its own time, get exactly the office's limit: they share one lock stripe and one count.
   */
  @Test
  void plusAndDotVariantsOfOneMailboxBookingAtOnceGetNoMoreThanTheLimit() throws Exception {
    allowManyADay();
    List<FreeSlot> novak = freeSlots(NOVAK);
    int limit = Fixtures.office().policy().maxOpenPerEmail();
    List<String> spellings = List.of("hromadna+1@gmail.com", "Hromadna+2@gmail.com", "h.romadna@gmail.com",
        "hro.madna+x@googlemail.com", "HROMADNA@GMAIL.COM", "hromadna+abc@gmail.com", "h.r.o.m.a.d.n.a@gmail.com",
        "hromadna+8@googlemail.com");
    AtomicInteger next = new AtomicInteger();
    AtomicInteger booked = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    race(spellings.size(), () -> {
      int i = next.getAndIncrement();
      try {
        diary.booking().book(request(NOVAK, novak.get(i * 2).start(), spellings.get(i)));
        booked.incrementAndGet();
      } catch (PolicyViolated e) {
        assertThat(e.policy()).isEqualTo(Policy.TOO_MANY_RESERVATIONS);
        refused.incrementAndGet();
      }
    });
    assertThat(booked.get()).isEqualTo(limit);
    assertThat(refused.get()).isEqualTo(spellings.size() - limit);
    assertThat(storage.reservations().openOfEmail("hromadna@gmail.com")).hasSize(limit);
  }

  /**
   * Issue 13: one address taking a morning of consecutive slots with one official at once, on the
   * web and by phone, gets the office's daily limit (one) and no more; the same address still books
   * another official that day, and the same official another day.
   */
  @Test
  void oneAddressBookingOneOfficialsDayAtOnceGetsOneMeeting() throws Exception {
    List<FreeSlot> novak = freeSlots(NOVAK);
    LocalDate day = LocalDate.ofInstant(novak.get(0).start(), Fixtures.office().zone());
    List<FreeSlot> morning = novak.stream()
        .filter(f -> LocalDate.ofInstant(f.start(), Fixtures.office().zone()).equals(day)).limit(8).toList();
    assertThat(morning).hasSize(8);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger booked = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    race(morning.size(), () -> {
      int i = next.getAndIncrement();
      String email = i % 2 == 0 ? "rano@example.cz" : "Rano@Example.cz";
      try {
        if (i % 3 == 0) {
          diary.booking().bookForCaller(OPERATOR, byPhone(NOVAK, morning.get(i).start(), email));
        } else {
          diary.booking().book(request(NOVAK, morning.get(i).start(), email));
        }
        booked.incrementAndGet();
      } catch (PolicyViolated e) {
        assertThat(e.policy()).isEqualTo(Policy.TOO_MANY_THE_SAME_DAY);
        refused.incrementAndGet();
      }
    });
    assertThat(booked.get()).isOne();
    assertThat(refused.get()).isEqualTo(morning.size() - 1);
    assertThat(storage.reservations().openOfEmail("rano@example.cz")).hasSize(1);

    FreeSlot otherOfficial = freeSlots(DVORAK).stream()
        .filter(f -> LocalDate.ofInstant(f.start(), Fixtures.office().zone()).equals(day)).findFirst().orElseThrow();
    diary.booking().book(request(DVORAK, otherOfficial.start(), "rano@example.cz"));
    FreeSlot nextDay = novak.stream()
        .filter(f -> LocalDate.ofInstant(f.start(), Fixtures.office().zone()).isAfter(day)).findFirst().orElseThrow();
    diary.booking().book(request(NOVAK, nextDay.start(), "rano@example.cz"));
    assertThat(storage.reservations().openOfEmail("rano@example.cz")).hasSize(3);
    assertSlotsHeldExactlyByActiveReservations();
  }

  /** Raises the office's daily limit per address and official, so that only the count of open reservations binds. */
  private void allowManyADay() {
    Office office = storage.directory().office(Fixtures.OFFICE).orElseThrow();
    storage.transactions().run(() -> storage.directory().save(new Office(office.id(), office.name(), office.zone(),
        office.slotLength(), office.place(), office.phones(), office.policy().withMaxDailyPerEmail(100))));
  }

  @Test
  void anAbsenceRacingWithBookingsLeavesNoActiveReservationInsideIt() throws Exception {
    List<FreeSlot> free = freeSlots(NOVAK).subList(0, 40);
    Instant absenceStart = free.get(10).start();
    Instant absenceEnd = free.get(30).start();
    AtomicInteger next = new AtomicInteger();
    CountDownLatch halfway = new CountDownLatch(100);
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    ExecutorService absenceThread = Executors.newSingleThreadExecutor();
    Future<?> absence = absenceThread.submit(() -> {
      halfway.await();
      return diary.recordingAbsence().record(ADMIN,
          new AbsenceRequest(NOVAK, absenceStart, absenceEnd, AbsenceKind.ILLNESS, "nemoc"));
    });
    try {
      race(16, () -> {
        for (int i = next.getAndIncrement(); i < 600; i = next.getAndIncrement()) {
          FreeSlot slot = free.get(Math.floorMod(i * 31, free.size()));
          try {
            diary.booking().book(request(NOVAK, slot.start(), "late" + i + "@example.cz"));
          } catch (SlotTaken | org.civicdiary.booking.error.SlotNotBookable e) {
            // taken by another thread, or already inside the recorded absence
          } catch (RuntimeException e) {
            unexpected.add(e);
          } finally {
            halfway.countDown();
          }
        }
      });
      absence.get(120, TimeUnit.SECONDS);
    } finally {
      absenceThread.shutdownNow();
    }
    assertThat(unexpected).isEmpty();
    List<Reservation> all = all();
    assertThat(all).filteredOn(r -> r.status() == Status.ACTIVE && r.overlaps(absenceStart, absenceEnd)).isEmpty();
    List<Reservation> displaced = all.stream().filter(r -> r.status() == Status.DISPLACED).toList();
    assertThat(displaced).allMatch(r -> r.overlaps(absenceStart, absenceEnd));
    assertThat(storage.reservations().displaced()).containsExactlyInAnyOrderElementsOf(displaced);
    assertThat(displacementNotices()).containsExactlyInAnyOrderElementsOf(displaced.stream().map(Reservation::id).toList());
    assertSlotsHeldExactlyByActiveReservations();
  }

  /**
   * Every active reservation's time is held once, and nothing else is held but the proposals held
   * for displaced citizens (HELD reservations).
   */
  protected void assertSlotsHeldExactlyByActiveReservations() {
    Set<BusyTime> expected = new HashSet<>();
    for (Reservation r : all().stream().filter(r -> r.status().holdsSlots()).toList()) {
      expected.add(new BusyTime(r.official(), r.start(), r.end()));
    }
    List<BusyTime> busy = storage.reservations().busy(List.of(NOVAK, DVORAK),
        NOW.minus(SLOT.multipliedBy(1000)), NOW.plus(SLOT.multipliedBy(10_000)));
    assertThat(busy).containsExactlyInAnyOrderElementsOf(expected);
    for (OfficialId official : List.of(NOVAK, DVORAK)) {
      List<BusyTime> own = busy.stream().filter(b -> b.official().equals(official))
          .sorted(java.util.Comparator.comparing(BusyTime::start)).toList();
      for (int i = 1; i < own.size(); i++) {
        assertThat(own.get(i).start()).as("held twice").isAfterOrEqualTo(own.get(i - 1).end());
      }
    }
  }

  /** The reservations that DISPLACED notices were written for (claims every pending message). */
  private List<ReservationId> displacementNotices() {
    return storage.transactions().inTransaction(() -> storage.outbox()
            .claim(100_000, NOW.plus(java.time.Duration.ofDays(365)), java.time.Duration.ofSeconds(1)))
        .stream().filter(m -> m.kind() == MessageKind.DISPLACED).map(OutboxMessage::reservation).toList();
  }

  protected List<Reservation> active() {
    return storage.reservations().search(new ReservationSearch(null, null, null, Status.ACTIVE, null, null, 10_000));
  }

  protected List<Reservation> all() {
    return storage.reservations().search(new ReservationSearch(null, null, null, null, null, null, 10_000));
  }

  private List<FreeSlot> freeSlots(OfficialId official) {
    return diary.findingFreeSlots().ofOfficial(official, ID_CARD, LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 5));
  }

  private static BookingRequest request(OfficialId official, Instant start, String email) {
    return new BookingRequest(official, ID_CARD, start, new Citizen("Občan Souběžný", email, null),
        "Občanský průkaz", Channel.WEB, Language.CS);
  }

  private static BookingRequest byPhone(OfficialId official, Instant start, String email) {
    return new BookingRequest(official, ID_CARD, start, new Citizen("Občan Souběžný", email, null),
        "Občanský průkaz", Channel.PHONE, Language.CS);
  }

  /** Runs the work on n threads released at once; fails if any thread throws or a minute passes. */
  protected static void race(int threads, ThrowingRunnable work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          work.run();
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Work for {@link #race}. */
  @FunctionalInterface
  protected interface ThrowingRunnable {
    void run() throws Exception;
  }
}
