/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.civicdiary.booking.port.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL hot standby that serves public reads while it answers and is close enough behind the
 * primary, behind a read-only pool of its own. A check every {@link PersistenceConfig#readCheckEvery}
 * (not every query) measures it: the standby must be in recovery, and its lag is the age of the
 * newest primary WAL position it has replayed. Each check notes the primary's position
 * ({@code pg_current_wal_lsn()}) with the time; the standby's replayed position ({@code
 * pg_last_wal_replay_lsn()}) at or past the position noted at time t means it holds everything the
 * primary had at t. Unlike the age of the last replayed transaction, this stays near zero on an
 * idle primary, and it grows when the standby stops receiving WAL.
 *
 * <p>A read that fails on the standby (it died, a recovery conflict cancelled the query) is
 * answered by the primary, and a lost connection stops the standby's use until a check finds it
 * well again; the citizen sees no error.
 */
final class HotStandby implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HotStandby.class);
  /** The pool's shortest wait: a standby that does not give a connection at once is not worth waiting for. */
  private static final Duration BORROW_TIMEOUT = Duration.ofMillis(250);
  private static final int QUERY_TIMEOUT_SECONDS = 2;
  private static final String PRIMARY_POSITION = "select pg_current_wal_lsn() - '0/0'::pg_lsn";
  private static final String STANDBY_POSITION =
      "select pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn";

  /** The primary's WAL position at a check's time. */
  private record Noted(Instant at, long position) {}

  private final HikariDataSource pool;
  private final DataSource primary;
  private final Clock clock;
  private final Duration maxLag;
  private final String url;
  private final Deque<Noted> noted = new ArrayDeque<>();
  private final AtomicLong reads = new AtomicLong();
  private final ScheduledExecutorService checker;
  private volatile Transactions.Standby state = new Transactions.Standby(false, "not checked yet");

  private HotStandby(PersistenceConfig config, DataSource primary, Clock clock, HikariDataSource pool) {
    this.pool = pool;
    this.primary = primary;
    this.clock = clock;
    this.maxLag = config.readMaxLag();
    this.url = config.safeReadUrl();
    this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "civic-diary-standby-check");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Opens the standby's pool (a standby down at start is no reason not to start: reads go to the
   * primary until it answers), checks it once and then periodically.
   */
  static HotStandby start(PersistenceConfig config, DataSource primary, Clock clock) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("civic-diary-standby");
    hikari.setJdbcUrl(config.readUrl().orElseThrow());
    hikari.setUsername(config.readUser());
    hikari.setPassword(config.readPassword());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(BORROW_TIMEOUT.toMillis());
    hikari.setInitializationFailTimeout(-1);
    hikari.setAutoCommit(true);
    hikari.setReadOnly(true);
    // Shows in the standby's pg_stat_activity, so that an operator sees who reads there.
    hikari.addDataSourceProperty("ApplicationName", "civic-diary-standby");
    HotStandby standby = new HotStandby(config, primary, clock, new HikariDataSource(hikari));
    standby.check();
    long every = config.readCheckEvery().toMillis();
    standby.checker.scheduleWithFixedDelay(standby::checkQuietly, every, every, TimeUnit.MILLISECONDS);
    LOG.info("public reads from the standby at {} while it lags at most {} ({})", standby.url, standby.maxLag,
        standby.state.detail());
    return standby;
  }

  /** A connection to read from, or null when public reads go to the primary now. */
  Connection connection() {
    if (!state.inUse()) {
      return null;
    }
    try {
      Connection c = pool.getConnection();
      reads.incrementAndGet();
      return c;
    } catch (SQLException e) {
      notUsed("does not answer (" + e.getMessage() + ")");
      return null;
    }
  }

  /** A read on the standby failed and goes to the primary; a lost connection stops its use until the next check. */
  void failed(SQLException e) {
    String sqlState = e.getSQLState() == null ? "" : e.getSQLState();
    if (sqlState.startsWith("08") || sqlState.startsWith("57P")) {
      notUsed("lost its connection (SQLState " + sqlState + ")");
    } else {
      LOG.debug("a public read failed on the standby and goes to the primary (SQLState {})", sqlState);
    }
  }

  Transactions.Standby state() {
    return state;
  }

  /** How many connections public reads have taken from the standby (for tests). */
  long reads() {
    return reads.get();
  }

  /** Measures the standby now and decides where public reads go until the next check. */
  synchronized void check() {
    Instant now = clock.instant();
    long primaryAt;
    try (Connection c = primary.getConnection()) {
      primaryAt = position(c, PRIMARY_POSITION);
    } catch (SQLException e) {
      // Without the primary nothing can be compared; its own failure shows wherever it is used.
      notUsed("cannot be compared with the primary, which does not answer");
      return;
    }
    noted.addLast(new Noted(now, primaryAt));
    forget(now);
    long replayed;
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(STANDBY_POSITION)) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          notUsed("is not in recovery: not a hot standby (promoted?)");
          return;
        }
        replayed = rs.getLong(2);
      }
    } catch (SQLException e) {
      notUsed("does not answer (" + e.getMessage() + ")");
      return;
    }
    Duration lag = lag(now, replayed);
    if (lag == null) {
      notUsed("is more than " + Duration.between(noted.peekFirst().at(), now) + " behind the primary");
    } else if (lag.compareTo(maxLag) > 0) {
      notUsed("is " + lag + " behind the primary, more than " + maxLag);
    } else {
      use("is at most " + lag + " behind the primary");
    }
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      notUsed("could not be checked (" + e + ")");
    }
  }

  /** The age of the newest noted primary position the standby has replayed; null if older than all noted. */
  private Duration lag(Instant now, long replayed) {
    Iterator<Noted> newestFirst = noted.descendingIterator();
    while (newestFirst.hasNext()) {
      Noted n = newestFirst.next();
      if (n.position() <= replayed) {
        return Duration.between(n.at(), now);
      }
    }
    return null;
  }

  /** Positions older than the bound are not needed: a standby that has not replayed newer ones is out anyway. */
  private void forget(Instant now) {
    Instant horizon = now.minus(maxLag.multipliedBy(2));
    while (noted.size() > 1 && noted.peekFirst().at().isBefore(horizon) && second().at().isBefore(horizon)) {
      noted.removeFirst();
    }
  }

  private Noted second() {
    Iterator<Noted> it = noted.iterator();
    it.next();
    return it.next();
  }

  private static long position(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void use(String detail) {
    Transactions.Standby was = state;
    state = new Transactions.Standby(true, "the standby " + detail);
    if (!was.inUse()) {
      LOG.info("public reads go to the standby at {}: it {}", url, detail);
    }
  }

  private void notUsed(String why) {
    Transactions.Standby was = state;
    state = new Transactions.Standby(false, "the standby " + why + ": public reads go to the primary");
    if (was.inUse()) {
      LOG.warn("public reads go to the primary: the standby at {} {}", url, why);
    }
  }

  @Override
  public void close() {
    checker.shutdownNow();
    pool.close();
  }
}
