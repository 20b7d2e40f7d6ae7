/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.booking.usecase.TownHall.OPERATOR;
import static org.civicdiary.booking.usecase.TownHall.local;
import static org.civicdiary.booking.usecase.TownHall.weekly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.TownHall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Races through the use cases on the in-memory storage: one slot wanted by many, and reschedules
 * (by citizens with their manage links and by operators) colliding on the same target time.
 */
class ReschedulingRaceTest {
  private static final int THREADS = 64;
  private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);
  private TownHall hall;
  private OfficialId a;
  private OfficialId b;
  private AgendaId single;
  private AgendaId pair;

  @BeforeEach
  void townHall() {
    hall = TownHall.busyCitizens("2027-03-01T06:00:00Z");
    a = hall.official("a", weekly(DayOfWeek.TUESDAY, "08:00", "16:00"));
    b = hall.official("b", weekly(DayOfWeek.TUESDAY, "08:00", "16:00"));
    single = hall.agenda("single", 1, a, b);
    pair = hall.agenda("pair", 2, a, b);
  }

  @Test
  void oneOfSixtyFourCitizensGetsTheSlotAndTheOthersHearItIsTaken() throws Exception {
    Instant slot = local("2027-03-02T09:00");
    AtomicInteger taken = new AtomicInteger();
    List<Booked> won = Collections.synchronizedList(new ArrayList<>());

    race(THREADS, i -> {
      try {
        won.add(hall.book(a, pair, slot));
      } catch (SlotTaken e) {
        assertThat(e.start()).isEqualTo(slot);
        taken.incrementAndGet();
      }
    });

    assertThat(won).hasSize(1);
    assertThat(taken).hasValue(THREADS - 1);
    assertThat(hall.reservations()).containsExactly(won.get(0).reservation());
    assertThat(hall.takeMessages()).extracting(m -> m.kind())
        .containsExactlyInAnyOrder(MessageKind.CONFIRMATION, MessageKind.REMINDER);
    hall.assertHeldExactlyByActiveReservations(single, TUESDAY);
  }

  @Test
  void reschedulesIntoTheSameTimeNeverShareASlotNorLoseOne() throws Exception {
    // Sixteen meetings of two slots in the mornings of both officials; targets over the whole day,
    // overlapping the booked time and each other, so that moves collide and shift by one slot.
    List<Booked> booked = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      booked.add(hall.book(a, pair, local("2027-03-02T08:00").plus(Duration.ofMinutes(30L * i))));
      booked.add(hall.book(b, pair, local("2027-03-02T08:00").plus(Duration.ofMinutes(30L * i))));
    }
    List<Instant> targets = new ArrayList<>();
    for (Instant t = local("2027-03-02T10:00"); t.isBefore(local("2027-03-02T16:00")); t = t.plus(Duration.ofMinutes(15))) {
      targets.add(t);
    }
    AtomicInteger moved = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();

    race(THREADS, thread -> {
      Random random = new Random(thread);
      for (int i = 0; i < 10; i++) {
        Booked mine = booked.get(random.nextInt(booked.size()));
        OfficialId official = random.nextBoolean() ? a : b;
        Instant target = targets.get(random.nextInt(targets.size() - 1));
        try {
          if (random.nextBoolean()) {
            hall.diary.managingOwnReservation().reschedule(mine.token(), official, target);
          } else {
            hall.diary.handlingReservations().move(OPERATOR, mine.reservation().id(), official, target, "re-arranged");
          }
          moved.incrementAndGet();
        } catch (SlotTaken | ConcurrentChange e) {
          lost.incrementAndGet();
        }
      }
    });

    assertThat(moved.get()).isPositive();
    assertThat(moved.get() + lost.get()).isEqualTo(THREADS * 10);
    assertThat(hall.reservations()).hasSize(16).allMatch(r -> r.status() == Status.ACTIVE);
    assertThat(hall.reservations().stream().mapToInt(Reservation::version).sum()).isEqualTo(moved.get());
    hall.assertHeldExactlyByActiveReservations(single, TUESDAY);
  }

  @Test
  void theSameReservationMovedByManyAtOnceEndsInExactlyOnePlace() throws Exception {
    Booked booked = hall.book(a, pair, local("2027-03-02T08:00"));
    List<Instant> targets = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      targets.add(local("2027-03-02T09:00").plus(Duration.ofMinutes(15L * i)));
    }
    AtomicInteger moved = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();

    race(32, thread -> {
      OfficialId official = thread % 2 == 0 ? a : b;
      Instant target = targets.get(thread % targets.size());
      try {
        if (thread % 4 < 2) {
          hall.diary.managingOwnReservation().reschedule(booked.token(), official, target);
        } else {
          hall.diary.handlingReservations().move(OPERATOR, booked.reservation().id(), official, target, "moved");
        }
        moved.incrementAndGet();
      } catch (SlotTaken | ConcurrentChange e) {
        lost.incrementAndGet();
      }
    });

    Reservation now = hall.reservation(booked.reservation());
    assertThat(now.status()).isEqualTo(Status.ACTIVE);
    assertThat(now.version()).isEqualTo(moved.get());
    assertThat(moved.get() + lost.get()).isEqualTo(32);
    assertThat(hall.reservations()).containsExactly(now);
    assertThat(hall.takeMessages()).filteredOn(m -> m.kind() == MessageKind.RESCHEDULED).hasSize(moved.get());
    hall.assertHeldExactlyByActiveReservations(single, TUESDAY);
  }

  /** Runs the work on n threads that start together; rethrows the first failure of any. */
  private static void race(int threads, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier together = new CyclicBarrier(threads);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(() -> {
          together.await(1, TimeUnit.MINUTES);
          work.accept(thread);
          return null;
        });
      }
      for (var result : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
