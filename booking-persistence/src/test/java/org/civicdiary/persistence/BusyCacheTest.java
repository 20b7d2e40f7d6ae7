/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.SVOBODA;
import static org.civicdiary.testkit.contract.Fixtures.reservation;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Busy time kept in memory (see {@code BusyCache}) always reads as the database holds it: two
 * nodes (two adapters on one database) change reservations and ask for busy time in turn, and every
 * answer is checked against plain SQL.
 */
@NeedsPostgres
class BusyCacheTest {
  private static final List<OfficialId> OFFICIALS = List.of(NOVAK, DVORAK, SVOBODA);
  private static final String ACTIVE_OVERLAPPING = """
      select official_id, start_at, end_at
      from reservation
      where status = 'ACTIVE' and start_at < ? and end_at > ?
      """;

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void anotherNodesBookingAndCancellationShowAtOnce(String engine) {
    try (TestDatabase db = database(engine); JdbcStorage other = JdbcStorage.start(db.config)) {
      Storage a = db.storage();
      Storage b = other.storage();
      assertThat(busy(a, slot(-100), slot(100))).isEmpty();
      Reservation booked = reservation(NOVAK, slot(4), "a@example.cz");
      b.transactions().run(() -> b.reservations().add(booked, SLOT));
      assertThat(busy(a, slot(-100), slot(100))).containsExactly(new BusyTime(NOVAK, slot(4), slot(5)));
      assertThat(((JdbcReservations) a.reservations()).cachedOfficials()).as("kept in memory").isEqualTo(3);

      Reservation moved = booked.movedTo(DVORAK, slot(6), slot(7), null, NOW);
      b.transactions().run(() -> b.reservations().update(moved, SLOT));
      assertThat(busy(a, slot(-100), slot(100))).containsExactly(new BusyTime(DVORAK, slot(6), slot(7)));

      b.transactions().run(() -> b.reservations().update(moved.withStatus(Status.CANCELLED, null, NOW), SLOT));
      assertThat(busy(a, slot(-100), slot(100))).isEmpty();
      assertThat(busy(b, slot(-100), slot(100))).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void busyTimeReadInsideAUnitOfWorkThatRollsBackLeavesNoTrace(String engine) {
    try (TestDatabase db = database(engine)) {
      Storage storage = db.storage();
      Reservation kept = reservation(NOVAK, slot(0), "a@example.cz");
      storage.transactions().run(() -> storage.reservations().add(kept, SLOT));
      assertThat(busy(storage, slot(-100), slot(100))).hasSize(1);
      assertThatThrownBy(() -> storage.transactions().run(() -> {
        storage.reservations().add(reservation(NOVAK, slot(2), "b@example.cz"), SLOT);
        storage.reservations().update(kept.withStatus(Status.CANCELLED, null, NOW), SLOT);
        assertThat(busy(storage, slot(-100), slot(100))).as("its own writes, inside")
            .containsExactly(new BusyTime(NOVAK, slot(2), slot(3)));
        throw new IllegalStateException("rolled back");
      })).hasMessage("rolled back");
      assertThat(busy(storage, slot(-100), slot(100))).containsExactly(new BusyTime(NOVAK, slot(0), slot(1)));
    }
  }

  /**
   * The diary's lock stamps it and the booking that follows does not stamp again: what the unit of
   * work read between the two must not be kept under the stamp it then commits.
   */
  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void busyTimeReadBetweenTheLockAndTheBookingIsNotKept(String engine) {
    try (TestDatabase db = database(engine)) {
      Storage storage = db.storage();
      long before = stamp(db, NOVAK);
      Reservation r = reservation(NOVAK, slot(3), "a@example.cz");
      storage.transactions().run(() -> {
        storage.diaries().lock(NOVAK);
        assertThat(busy(storage, slot(-100), slot(100))).isEmpty();
        storage.reservations().add(r, SLOT);
      });
      assertThat(stamp(db, NOVAK)).as("stamped by the lock").isNotEqualTo(before);
      assertThat(busy(storage, slot(-100), slot(100))).containsExactly(new BusyTime(NOVAK, slot(3), slot(4)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void aNarrowRangeThenAWideOneThenAnotherNarrowOneAllAnswerFromTheRightRows(String engine) {
    try (TestDatabase db = database(engine)) {
      Storage storage = db.storage();
      for (int n = 0; n < 40; n += 3) {
        Reservation r = reservation(OFFICIALS.get(n % 3), slot(n), "a" + n + "@example.cz");
        storage.transactions().run(() -> storage.reservations().add(r, SLOT));
      }
      for (int[] range : new int[][] {{10, 14}, {-50, 200}, {20, 22}, {0, 40}, {39, 41}, {-900, 4000}, {3, 4}}) {
        assertThat(busy(storage, slot(range[0]), slot(range[1])))
            .as("[%d, %d)", range[0], range[1])
            .containsExactlyInAnyOrderElementsOf(inSql(db, slot(range[0]), slot(range[1])));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void dayAfterDayTheWidgetsQueriesAreAnsweredByOneLoadReadAhead(String engine) throws Exception {
    try (TestDatabase db = database(engine); Connection c = db.connect()) {
      Storage storage = db.storage();
      for (int n = 0; n < 400; n += 7) {
        Reservation r = reservation(OFFICIALS.get(n % 3), slot(n), "a" + n + "@example.cz");
        storage.transactions().run(() -> storage.reservations().add(r, SLOT));
      }
      List<Instant[]> loads = new ArrayList<>();
      BusyCache cache = new BusyCache((connection, officials, from, to) -> {
        loads.add(new Instant[] {from, to});
        return busy(storage, from, to).stream().filter(b -> officials.contains(b.official())).toList();
      });
      Instant day = slot(0).truncatedTo(ChronoUnit.DAYS);
      for (int d = 0; d < 14; d++) {
        Instant from = day.plus(Duration.ofDays(d));
        Instant to = from.plus(Duration.ofDays(1));
        assertThat(cache.busy(c, OFFICIALS, from, to, true)).as("day %d", d)
            .containsExactlyInAnyOrderElementsOf(inSql(db, from, to));
      }
      assertThat(loads).as("fourteen days in turn: one load").hasSize(1);
      assertThat(Duration.between(loads.get(0)[0], loads.get(0)[1])).isEqualTo(BusyCache.READ_AHEAD);
      Instant eightWeeks = day.plus(Duration.ofDays(56));
      assertThat(cache.busy(c, OFFICIALS, day, eightWeeks, true)).containsExactlyInAnyOrderElementsOf(inSql(db, day,
          eightWeeks));
      assertThat(loads).as("and the eight weeks from the first").hasSize(1);
      assertThat(cache.busy(c, OFFICIALS, day, day.plus(Duration.ofDays(1)), false)).hasSize(
          inSql(db, day, day.plus(Duration.ofDays(1))).size());
      List<Instant[]> before = List.copyOf(loads);
      cache.busy(c, List.of(OfficialId.of("nobody-kept")), day, day.plus(Duration.ofDays(1)), false);
      assertThat(Duration.between(loads.get(before.size())[0], loads.get(before.size())[1]))
          .as("nothing read ahead for what may not be kept").isEqualTo(Duration.ofDays(1));
    }
  }

  /**
   * Bookings, moves between officials, cancellations and displacements on two nodes, some in units
   * of work that read busy time and then roll back, with busy time of random officials and ranges
   * asked on both nodes in between.
   */
  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void randomChangesOnTwoNodesAlwaysReadAsTheDatabaseHoldsThem(String engine) {
    Random random = new Random(20261125L);
    try (TestDatabase db = database(engine); JdbcStorage other = JdbcStorage.start(db.config)) {
      List<Storage> nodes = List.of(db.storage(), other.storage());
      List<Reservation> open = new ArrayList<>();
      int checks = 0;
      for (int step = 0; step < 400; step++) {
        Storage node = nodes.get(random.nextInt(2));
        int what = random.nextInt(10);
        try {
          if (what < 4 || open.isEmpty()) {
            OfficialId official = OFFICIALS.get(random.nextInt(3));
            int slots = official.equals(SVOBODA) ? 1 : 1 + random.nextInt(2);
            Reservation r = reservation(official, slot(random.nextInt(300)), slots, "c" + step + "@example.cz",
                Status.ACTIVE);
            node.transactions().run(() -> node.reservations().add(r, SLOT));
            open.add(r);
          } else {
            int at = random.nextInt(open.size());
            Reservation r = open.get(at);
            Reservation next = switch (what) {
              case 4, 5 -> {
                // A two-slot passport meeting stays with the officials who have that agenda.
                Duration length = Duration.between(r.start(), r.end());
                OfficialId to = length.equals(SLOT) ? OFFICIALS.get(random.nextInt(3)) : OFFICIALS.get(random.nextInt(2));
                Instant start = slot(random.nextInt(300));
                yield r.movedTo(to, start, start.plus(length), null, NOW);
              }
              case 6 -> r.withStatus(Status.DISPLACED, null, NOW);
              default -> r.withStatus(Status.CANCELLED, null, NOW);
            };
            if (random.nextInt(5) == 0) {
              // Read inside, then roll back: what was read must not outlive the unit of work.
              assertThatThrownBy(() -> node.transactions().run(() -> {
                node.reservations().update(next, SLOT);
                node.reservations().busy(OFFICIALS, slot(-10), slot(320));
                throw new IllegalStateException("rolled back");
              })).hasMessage("rolled back");
            } else {
              node.transactions().run(() -> node.reservations().update(next, SLOT));
              if (next.status() == Status.ACTIVE) {
                open.set(at, next);
              } else {
                open.remove(at);
              }
            }
          }
        } catch (SlotTaken taken) {
          // A random time already held: nothing changed, as for any caller.
        }
        Storage asking = nodes.get(random.nextInt(2));
        int from = random.nextInt(330) - 20;
        int to = from + 1 + random.nextInt(random.nextBoolean() ? 8 : 330);
        List<OfficialId> officials = OFFICIALS.stream().filter(o -> random.nextInt(3) > 0).toList();
        assertThat(asking.reservations().busy(officials, slot(from), slot(to)))
            .as("step %d: busy of %s in [%d, %d)", step, officials, from, to)
            .containsExactlyInAnyOrderElementsOf(inSql(db, slot(from), slot(to)).stream()
                .filter(b -> officials.contains(b.official())).toList());
        checks++;
      }
      assertThat(checks).isEqualTo(400);
      assertThat(open).as("the walk booked something").isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void everyChangeToHeldTimeSetsANewStampAndOtherChangesDoNot(String engine) {
    try (TestDatabase db = database(engine)) {
      Storage storage = db.storage();
      assertThat(stamp(db, NOVAK)).as("stamped when saved").isNotEqualTo(BusyCache.UNSTAMPED);
      long saved = stamp(db, NOVAK);
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz");
      storage.transactions().run(() -> storage.reservations().add(r, SLOT));
      long booked = stamp(db, NOVAK);
      assertThat(booked).isNotIn(BusyCache.UNSTAMPED, saved);
      storage.transactions().run(() -> storage.reservations().addManageToken(r.id(), "f".repeat(64)));
      assertThat(stamp(db, NOVAK)).as("a manage token holds no time").isEqualTo(booked);
      long dvorak = stamp(db, DVORAK);
      Reservation moved = r.movedTo(DVORAK, slot(1), slot(2), null, NOW);
      storage.transactions().run(() -> storage.reservations().update(moved, SLOT));
      assertThat(stamp(db, NOVAK)).as("left").isNotEqualTo(booked);
      assertThat(stamp(db, DVORAK)).as("arrived").isNotEqualTo(dvorak);
    }
  }

  private static TestDatabase database(String engine) {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    TestDatabase db = create.apply("busycache").start();
    new Fixtures(db.storage()).load();
    return db;
  }

  private static List<BusyTime> busy(Storage storage, Instant from, Instant to) {
    return storage.reservations().busy(OFFICIALS, from, to);
  }

  private static Collection<BusyTime> inSql(TestDatabase db, Instant from, Instant to) {
    return db.query(ACTIVE_OVERLAPPING, rs -> new BusyTime(OfficialId.of(rs.getString(1)), Sql.instant(rs, 2),
        Sql.instant(rs, 3)), to, from);
  }

  private static long stamp(TestDatabase db, OfficialId official) {
    return db.count("select busy_version from official where id = ?", official.value());
  }
}
