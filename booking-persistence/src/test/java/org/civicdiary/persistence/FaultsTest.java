/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.testkit.Crash;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL backends killed in the middle of a booking load: callers learn that the storage is
 * unavailable (never anything else), the pool recovers by itself, and the database holds no
 * half-written booking.
 */
@NeedsPostgres
@Crash
class FaultsTest {
  private static final int THREADS = 8;
  private static final int ATTEMPTS = 200;
  private static final int KILLS = 6;
  /** A kill after every so many booking attempts, so the faults are spread over the load. */
  private static final int ATTEMPTS_PER_KILL = 25;

  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("faults");

  @Test
  void terminatedBackendsGiveStorageUnavailableAndThePoolRecovers() throws Exception {
    new Fixtures(DB.emptied()).load();
    CivicDiary diary = CivicDiary.builder().storage(DB.storage()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    List<FreeSlot> free = new ArrayList<>();
    for (var official : List.of(NOVAK, DVORAK)) {
      free.addAll(diary.findingFreeSlots().ofOfficial(official, ID_CARD, LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 31)));
    }
    Collections.shuffle(free, new java.util.Random(7));
    AtomicInteger next = new AtomicInteger();
    List<ReservationId> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger unavailable = new AtomicInteger();
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    Semaphore killDue = new Semaphore(0);
    AtomicInteger terminated = new AtomicInteger();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    try {
      Future<?> killer = pool.submit(() -> {
        for (int k = 0; k < KILLS; k++) {
          killDue.acquire(ATTEMPTS_PER_KILL);
          terminated.addAndGet(terminateOurBackends());
        }
        return null;
      });
      List<Future<?>> bookers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        bookers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < ATTEMPTS; i = next.getAndIncrement()) {
            try {
              acknowledged.add(book(diary, free.get(i), i));
            } catch (StorageUnavailable e) {
              unavailable.incrementAndGet();
            } catch (RuntimeException e) {
              unexpected.add(e);
            } finally {
              killDue.release();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : bookers) {
        f.get(3, TimeUnit.MINUTES);
      }
      killer.get(1, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }

    LoggerFactory.getLogger(FaultsTest.class).info("{} backends terminated; {} bookings acknowledged, {} unavailable",
        terminated.get(), acknowledged.size(), unavailable.get());
    assertThat(unexpected).as("errors other than StorageUnavailable").isEmpty();
    assertThat(terminated.get()).as("backends terminated").isPositive();
    assertThat(unavailable.get()).as("callers that met a fault").isPositive();
    assertThat(acknowledged).as("most bookings went through").hasSizeGreaterThan(ATTEMPTS / 2);

    // The same pool, not restarted: every booking succeeds again. Idle connections the killer ended
    // may each fail one unit of work (StorageUnavailable, a safe retry) before Hikari replaces them.
    int lostIdle = 0;
    for (int i = ATTEMPTS; i < ATTEMPTS + 20; i++) {
      while (true) {
        try {
          acknowledged.add(book(diary, free.get(i), i));
          break;
        } catch (StorageUnavailable e) {
          assertThat(++lostIdle).as("failures after the faults ended, at most one per pooled connection")
              .isLessThanOrEqualTo(DB.config.poolSize());
        }
      }
    }

    AfterFaults.assertAcknowledgedKeptAndNothingHalfWritten(DB, acknowledged);
  }

  @Test
  void aRollbackOnALostConnectionReportsTheLossWithTheWorksOwnFailureAttached() {
    Storage storage = DB.emptied();
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> storage.transactions().run(() -> {
      storage.directory().offices();
      terminateOurBackends();
      throw boom;
    })).isInstanceOf(StorageUnavailable.class).hasSuppressedException(boom);
    assertThat(readOnceThePoolHasRecovered(storage)).as("the pool replaced the lost connections").isEmpty();
  }

  /**
   * Idle connections that were killed with the busy one fail when next lent (each with
   * StorageUnavailable, nothing else) until the pool has replaced them; no restart is needed.
   */
  private static java.util.List<org.civicdiary.booking.model.Office> readOnceThePoolHasRecovered(Storage storage) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return storage.directory().offices();
      } catch (StorageUnavailable e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
      }
    }
  }

  @Test
  void noFreeConnectionWithinTheTimeoutIsStorageUnavailable() throws Exception {
    try (TestDatabase db = TestDatabase.h2("faults")) {
      PersistenceConfig onePool = db.config.toBuilder().poolSize(1).connectionTimeout(Duration.ofMillis(250)).build();
      try (JdbcStorage jdbc = JdbcStorage.start(onePool)) {
        Storage storage = jdbc.storage();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
          Future<?> holder = other.submit(() -> storage.transactions().run(() -> {
            holding.countDown();
            await(release);
          }));
          holding.await();
          assertThatThrownBy(() -> storage.directory().offices()).isInstanceOf(StorageUnavailable.class);
          release.countDown();
          holder.get(10, TimeUnit.SECONDS);
          assertThat(storage.directory().offices()).isEmpty();
        } finally {
          other.shutdownNow();
        }
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ReservationId book(CivicDiary diary, FreeSlot slot, int i) {
    return diary.booking().book(new BookingRequest(slot.official(), ID_CARD, slot.start(),
        new Citizen("Občan " + i, "fault" + i + "@example.cz", null), "Občanský průkaz", Channel.WEB, Language.CS))
        .reservation().id();
  }

  /** Terminates the backends of this test's pool only (its application name is the schema's, unique). */
  private static int terminateOurBackends() {
    String application = DB.config.url().replaceAll(".*ApplicationName=([^&]*).*", "$1");
    return (int) DB.count("""
        select count(*) from (
          select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = ? and datname = current_database() and pid <> pg_backend_pid()
        ) killed
        """, application);
  }
}
