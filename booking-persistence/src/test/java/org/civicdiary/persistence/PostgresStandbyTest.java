/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.testkit.contract.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Public reads from a hot standby, on a private primary and a standby made from it with
 * {@code pg_basebackup -R} ({@link PrivatePostgres}): citizens' free time is read on the standby
 * (seen by what it shows while its replay is paused, and by the standby's own count), units of work
 * stay on the primary, a standby further behind than the bound or gone sends the reads to the
 * primary without an error, and it is used again once it has caught up or is back. The lag is
 * timed by a settable clock, and the checks that the node runs every {@code read-check-every} are
 * run by the test, so nothing here waits for time to pass, only for replication to happen.
 */
@NeedsPostgres
class PostgresStandbyTest {
  private static final Duration MAX_LAG = Duration.ofSeconds(5);
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final LocalDate DAY = LocalDate.of(2027, 3, 2);

  private static PrivatePostgres primary;
  private static PrivatePostgres standby;
  private static JdbcStorage jdbc;
  private static MutableClock lagClock;
  private static CivicDiary diary;
  private static int booked;

  @BeforeAll
  static void start() {
    primary = PrivatePostgres.create();
    try {
      standby = PrivatePostgres.standbyOf(primary);
      lagClock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
      // Checked only when the test says so: the periodic check would race with the test's clock.
      jdbc = JdbcStorage.start(PersistenceConfig.builder().url(primary.url()).readUrl(standby.url()).poolSize(4)
          .readMaxLag(MAX_LAG).readCheckEvery(Duration.ofHours(1)).build(), lagClock);
      new Fixtures(jdbc.storage()).load();
      diary = CivicDiary.builder().storage(jdbc.storage()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    } catch (RuntimeException | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    if (jdbc != null) {
      jdbc.close();
    }
    if (standby != null) {
      standby.close();
    }
    primary.close();
  }

  @AfterEach
  void replayAgain() throws SQLException {
    if (isStandbyRunning()) {
      onStandby("select pg_wal_replay_resume()");
    }
  }

  @Test
  void aCitizensFreeTimeIsReadOnTheStandbyAndAUnitOfWorkOnThePrimary() throws SQLException {
    awaitInUse();
    FreeSlot slot = publicFree().get(0);
    onStandby("select pg_wal_replay_pause()");
    book(slot);
    long reads = hotStandby().reads();

    // The standby has not replayed the booking: the citizen is offered the slot that was just taken
    // (the only effect of reading there), and booking it is refused by the primary.
    assertThat(publicFree()).contains(slot);
    assertThat(hotStandby().reads()).isGreaterThan(reads);
    assertThatThrownBy(() -> book(slot)).isInstanceOf(SlotTaken.class);
    assertThat(jdbc.storage().transactions().inTransaction(this::publicFree)).doesNotContain(slot);
  }

  @Test
  void aStandbyBehindByMoreThanTheBoundSendsReadsToThePrimaryUntilItCatchesUp() throws SQLException {
    awaitInUse();
    FreeSlot slot = publicFree().get(0);
    onStandby("select pg_wal_replay_pause()");
    book(slot);
    hotStandby().check();
    assertThat(hotStandby().state().inUse()).as("behind by no time yet").isTrue();

    lagClock.advance(MAX_LAG.plusSeconds(1));
    hotStandby().check();
    assertThat(jdbc.storage().transactions().standby()).hasValueSatisfying(s -> {
      assertThat(s.inUse()).isFalse();
      assertThat(s.detail()).contains("behind the primary, more than PT5S").contains("public reads go to the primary");
    });
    long reads = hotStandby().reads();
    assertThat(publicFree()).doesNotContain(slot);
    assertThat(hotStandby().reads()).as("reads on the standby").isEqualTo(reads);

    onStandby("select pg_wal_replay_resume()");
    awaitInUse();
    assertThat(jdbc.storage().transactions().standby().orElseThrow().detail()).contains("at most");
    assertThat(publicFree()).doesNotContain(slot);
    assertThat(hotStandby().reads()).as("reads on the standby").isGreaterThan(reads);
  }

  @Test
  void aLostStandbySendsReadsToThePrimaryWithoutAnErrorAndIsUsedWhenBack() {
    awaitInUse();
    FreeSlot slot = publicFree().get(0);
    book(slot);
    standby.crash();
    try {
      // No check has run since: the read finds the standby gone and the primary answers it.
      assertThat(publicFree()).doesNotContain(slot);
      assertThat(jdbc.storage().transactions().standby().orElseThrow().inUse()).isFalse();
      hotStandby().check();
      assertThat(jdbc.storage().transactions().standby()).hasValueSatisfying(s -> {
        assertThat(s.inUse()).isFalse();
        assertThat(s.detail()).contains("does not answer");
      });
      long reads = hotStandby().reads();
      assertThat(publicFree()).doesNotContain(slot);
      assertThat(hotStandby().reads()).isEqualTo(reads);
    } finally {
      standby.start();
    }
    awaitInUse();
    long reads = hotStandby().reads();
    assertThat(publicFree()).doesNotContain(slot);
    assertThat(hotStandby().reads()).isGreaterThan(reads);
  }

  @Test
  void aStandbyDownAtStartDoesNotStopTheStartAndThePrimaryAnswers() throws Exception {
    int nothingListens;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      nothingListens = socket.getLocalPort();
    }
    try (JdbcStorage alone = JdbcStorage.start(PersistenceConfig.builder().url(primary.url()).poolSize(2)
        .readUrl("jdbc:postgresql://127.0.0.1:" + nothingListens + "/postgres?user=postgres")
        .readCheckEvery(Duration.ofHours(1)).build(), lagClock)) {
      assertThat(alone.storage().transactions().standby()).hasValueSatisfying(s -> {
        assertThat(s.inUse()).isFalse();
        assertThat(s.detail()).contains("does not answer");
      });
      CivicDiary fromPrimary = CivicDiary.builder().storage(alone.storage()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();
      assertThat(fromPrimary.findingFreeSlots().ofOfficial(NOVAK, ID_CARD, DAY, DAY))
          .isEqualTo(jdbc.storage().transactions().inTransaction(this::publicFree));
    }
  }

  private List<FreeSlot> publicFree() {
    return diary.findingFreeSlots().ofOfficial(NOVAK, ID_CARD, DAY, DAY);
  }

  private static void book(FreeSlot slot) {
    booked++;
    diary.booking().book(new BookingRequest(slot.official(), ID_CARD, slot.start(),
        new Citizen("Občan " + booked, "standby" + booked + "@example.cz", null), "Občanský průkaz", Channel.WEB,
        Language.CS));
  }

  private static HotStandby hotStandby() {
    return jdbc.standby();
  }

  /**
   * Waits until the standby has replayed everything the primary had written (the fixtures, the last
   * booking), then checks until it serves public reads, with a deadline. Being in use alone is not
   * enough: the standby may be behind by less than the bound, and on a busy machine the fixtures
   * were then missing there.
   */
  private static void awaitInUse() {
    String written;
    try (Connection c = DriverManager.getConnection(primary.url()); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("select pg_current_wal_lsn()::text")) {
      rs.next();
      written = rs.getString(1);
    } catch (SQLException e) {
      throw new AssertionError("the primary's WAL position: " + e.getMessage(), e);
    }
    await(() -> {
      try (Connection c = DriverManager.getConnection(standby.url()); Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("select pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn")) {
        return rs.next() && rs.getBoolean(1);
      } catch (SQLException e) {
        return false;
      }
    }, "the standby replayed " + written);
    await(() -> {
      hotStandby().check();
      return hotStandby().state().inUse();
    }, "the standby in use: " + hotStandby().state().detail());
  }

  private static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + DEADLINE + ": " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private static boolean isStandbyRunning() {
    try (Connection c = DriverManager.getConnection(standby.url())) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void onStandby(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(standby.url()); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
