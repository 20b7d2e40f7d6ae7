/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.civicdiary.testkit.Crash;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server crashes and comes back in the middle of a booking load: while it is away
 * callers learn that the storage is unavailable (never anything else), the same pool books again
 * once it is back, without restarting the application, and the database holds no half-written
 * booking. The server is a private one ({@link PrivatePostgres}): the shared one must not restart.
 */
@NeedsPostgres
@Crash
class PostgresRestartTest {
  private static final int THREADS = 8;
  /** A connection for every booker, so that only the outage makes anyone wait for one. */
  private static final int POOL = THREADS;
  /** Short, so that callers waiting for a connection while the server is away are told soon. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
  private static final int ATTEMPTS_BEFORE_CRASH = 60;
  private static final int ATTEMPTS_AFTER_RESTART = 80;
  /**
   * The server stays away until this many callers that came while it was away have been told the
   * storage is unavailable (or the deadline passes): more than the pool's connections, so that some
   * of them waited for a connection in vain, not only met a dead one.
   */
  private static final int TOLD_WHILE_AWAY = 2 * POOL;
  private static final Duration OUTAGE_DEADLINE = Duration.ofSeconds(20);
  /**
   * HikariCP retries a failed connection with a backoff that doubles up to 5 s, so the first booking
   * may come that long after the server's return; twice that leaves room for a slow machine.
   */
  private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(10);

  @Test
  void aCrashedAndRestartedServerGivesStorageUnavailableAndThePoolRecovers() throws Exception {
    try (PrivatePostgres server = PrivatePostgres.create();
        TestDatabase db = TestDatabase.postgres(server.url(), "restart", POOL, CONNECTION_TIMEOUT).start()) {
      new Fixtures(db.storage()).load();
      CivicDiary diary = CivicDiary.builder().storage(db.storage()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
      List<FreeSlot> free = new ArrayList<>();
      for (var official : List.of(NOVAK, DVORAK)) {
        free.addAll(diary.findingFreeSlots().ofOfficial(official, ID_CARD, LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 31)));
      }
      Collections.shuffle(free, new Random(11));

      AtomicInteger next = new AtomicInteger();
      List<ReservationId> acknowledged = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger acknowledgedBeforeCrash = new AtomicInteger();
      AtomicInteger acknowledgedAfterRestart = new AtomicInteger();
      AtomicInteger unavailable = new AtomicInteger();
      AtomicInteger taken = new AtomicInteger();
      List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
      Semaphore attempted = new Semaphore(0);
      AtomicBoolean crashed = new AtomicBoolean();
      AtomicBoolean away = new AtomicBoolean();
      AtomicBoolean loadOver = new AtomicBoolean();
      CountDownLatch toldWhileAway = new CountDownLatch(TOLD_WHILE_AWAY);
      AtomicReference<Instant> back = new AtomicReference<>();
      AtomicReference<Instant> firstBookedAfterRestart = new AtomicReference<>();

      ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
      Duration outage;
      try {
        Future<Duration> restarter = pool.submit(() -> {
          try {
            attempted.acquire(ATTEMPTS_BEFORE_CRASH);
            crashed.set(true);
            Instant down = Instant.now();
            server.crash();
            away.set(true);
            toldWhileAway.await(OUTAGE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            server.start();
            back.set(Instant.now());
            away.set(false);
            attempted.drainPermits();
            attempted.acquire(ATTEMPTS_AFTER_RESTART);
            return Duration.between(down, back.get());
          } finally {
            loadOver.set(true);
          }
        });
        List<Future<?>> bookers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          bookers.add(pool.submit(() -> {
            while (!loadOver.get()) {
              int i = next.getAndIncrement();
              boolean cameWhileAway = away.get();
              try {
                // Two citizens race for each slot: one books it, the other is told it is taken.
                acknowledged.add(book(diary, free.get(i / 2), i));
                if (!crashed.get()) {
                  acknowledgedBeforeCrash.incrementAndGet();
                } else if (back.get() != null) {
                  acknowledgedAfterRestart.incrementAndGet();
                  firstBookedAfterRestart.compareAndSet(null, Instant.now());
                }
              } catch (StorageUnavailable e) {
                unavailable.incrementAndGet();
                if (cameWhileAway) {
                  toldWhileAway.countDown();
                }
              } catch (SlotTaken e) {
                taken.incrementAndGet();
              } catch (RuntimeException e) {
                unexpected.add(e);
              } finally {
                attempted.release();
              }
            }
            return null;
          }));
        }
        for (Future<?> f : bookers) {
          f.get(2, TimeUnit.MINUTES);
        }
        outage = restarter.get(1, TimeUnit.MINUTES);
      } finally {
        pool.shutdownNow();
      }

      LoggerFactory.getLogger(PostgresRestartTest.class).info(
          "server away for {} ms; {} bookings acknowledged ({} before the crash, {} after the restart, the first {} ms"
              + " after it), {} slots taken, {} unavailable",
          outage.toMillis(), acknowledged.size(), acknowledgedBeforeCrash.get(), acknowledgedAfterRestart.get(),
          firstBookedAfterRestart.get() == null ? "-" : Duration.between(back.get(), firstBookedAfterRestart.get()).toMillis(),
          taken.get(), unavailable.get());
      assertThat(unexpected).as("errors other than StorageUnavailable and SlotTaken").isEmpty();
      assertThat(toldWhileAway.getCount()).as("callers still to be told the storage is unavailable while the server"
          + " was away (%s)", OUTAGE_DEADLINE).isZero();
      assertThat(taken.get()).as("callers that lost a race for a slot").isPositive();
      assertThat(acknowledgedBeforeCrash.get()).as("bookings before the crash").isPositive();
      assertThat(acknowledgedAfterRestart.get()).as("bookings after the restart, through the same pool").isPositive();
      assertThat(Duration.between(back.get(), firstBookedAfterRestart.get()))
          .as("time from the server's return to the first booking").isLessThanOrEqualTo(RECOVERY_DEADLINE);

      // The same pool, not restarted: every booking succeeds again.
      int after = next.get();
      for (int i = after; i < after + 20; i++) {
        acknowledged.add(book(diary, free.get(i), i));
      }

      AfterFaults.assertAcknowledgedKeptAndNothingHalfWritten(db, acknowledged);
    }
  }

  private static ReservationId book(CivicDiary diary, FreeSlot slot, int i) {
    return diary.booking().book(new BookingRequest(slot.official(), ID_CARD, slot.start(),
        new Citizen("Občan " + i, "restart" + i + "@example.cz", null), "Občanský průkaz", Channel.WEB, Language.CS))
        .reservation().id();
  }
}
