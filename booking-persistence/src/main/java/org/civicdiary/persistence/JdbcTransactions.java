/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.port.Transactions;

/**
 * Units of work over the pool: one connection per unit, bound to the thread that runs it, so that
 * every port called inside shares it; a unit started inside another joins it. This is the JDBC
 * edge: every {@link SQLException} of the adapter is translated here, once.
 */
final class JdbcTransactions implements Transactions {
  /** Work on a connection; may throw SQLException, which the edge translates. */
  @FunctionalInterface
  interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  private final DataSource pool;
  private final Dialect dialect;
  private final ThreadLocal<Unit> unit = new ThreadLocal<>();
  /** Where public reads may go, or null without a standby. */
  private final HotStandby standby;
  /** Set while the thread runs a public read outside any unit of work. */
  private final ThreadLocal<Boolean> publicReading = new ThreadLocal<>();

  /** One unit of work: its connection, and what the adapter remembers until it ends. */
  static final class Unit {
    final Connection connection;
    /** Officials whose busy time this unit has stamped (see {@link BusyCache}). */
    final Set<String> stampedOfficials = new HashSet<>();
    /** Whether this unit has changed the directory or the diaries (see {@link DirectoryCache}). */
    boolean directoryWritten;
    /** Offices whose directory stamp this unit has set. */
    final Set<String> stampedOffices = new HashSet<>();
    /** The offices' parts this unit checked are current, until it takes a diary's lock. */
    final Map<OfficeId, DirectoryCache.Part> checkedOffices = new HashMap<>();
    /** Whether {@link #checkedOffices} holds every office. */
    boolean checkedAllOffices;

    private Unit(Connection connection) {
      this.connection = connection;
    }
  }

  JdbcTransactions(DataSource pool, Dialect dialect) {
    this(pool, dialect, null);
  }

  JdbcTransactions(DataSource pool, Dialect dialect, HotStandby standby) {
    this.pool = pool;
    this.dialect = dialect;
    this.standby = standby;
  }

  Dialect dialect() {
    return dialect;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (unit.get() != null) {
      return work.get();
    }
    Connection c = begin();
    unit.set(new Unit(c));
    try {
      T result = work.get();
      commit(c);
      return result;
    } catch (RuntimeException e) {
      throw rollback(c, e);
    } catch (Error e) {
      // An Error (out of memory…) stays what it is; a failed rollback only goes along with it.
      try {
        c.rollback();
      } catch (SQLException lost) {
        e.addSuppressed(lost);
      }
      throw e;
    } finally {
      unit.remove();
      close(c);
    }
  }

  /**
   * Single statements of the work go to the standby while it is in use; units of work (and so
   * everything that writes or locks) stay on the primary, as does a public read inside one.
   */
  @Override
  public <T> T publicRead(Supplier<T> work) {
    if (standby == null || unit.get() != null || publicReading.get() != null) {
      return work.get();
    }
    publicReading.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      publicReading.remove();
    }
  }

  @Override
  public Optional<Standby> standby() {
    return standby == null ? Optional.empty() : Optional.of(standby.state());
  }

  /** The current unit of work, or null outside one. */
  Unit unitState() {
    return unit.get();
  }

  /**
   * One statement (or several that need not be atomic together): on the unit of work's connection,
   * else on a connection of its own in auto-commit, which spares a reader the round trip of a commit.
   */
  <T> T statement(SqlWork<T> work) {
    Connection bound = unit.get() == null ? null : unit.get().connection;
    if (bound != null) {
      return run(bound, work);
    }
    if (publicReading.get() != null) {
      Connection copy = standby.connection();
      if (copy != null) {
        try {
          return work.apply(copy);
        } catch (SQLException e) {
          // A read changes nothing: the primary answers it instead (see HotStandby).
          standby.failed(e);
        } finally {
          close(copy);
        }
      }
    }
    Connection c = borrow();
    try {
      return run(c, work);
    } finally {
      close(c);
    }
  }

  /** Several statements that must happen together: in the caller's unit of work, or in a short one of their own. */
  <T> T atomically(SqlWork<T> work) {
    Connection bound = unit.get() == null ? null : unit.get().connection;
    if (bound != null) {
      return run(bound, work);
    }
    return inTransaction(() -> atomically(work));
  }

  private <T> T run(Connection c, SqlWork<T> work) {
    try {
      return work.apply(c);
    } catch (SQLException e) {
      throw Failures.translate(e, dialect);
    }
  }

  private Connection begin() {
    Connection c = borrow();
    try {
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      close(c);
      throw Failures.translate(e, dialect);
    }
  }

  /** A connection from the pool; not getting one (timeout, pool closed, database down) is unavailability. */
  private Connection borrow() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new StorageUnavailable("no connection to the database (SQLState " + e.getSQLState() + ")", e);
    }
  }

  private void commit(Connection c) {
    try {
      c.commit();
    } catch (SQLException e) {
      throw Failures.translate(e, dialect);
    }
  }

  /**
   * Rolls back after a failed unit of work. If even that fails the connection is lost: the caller
   * learns that, with what made the work fail attached.
   */
  private static RuntimeException rollback(Connection c, RuntimeException failure) {
    try {
      c.rollback();
      return failure;
    } catch (SQLException e) {
      StorageUnavailable lost = new StorageUnavailable("the database was lost while rolling back a failed unit of work", e);
      lost.addSuppressed(failure);
      return lost;
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Returning a broken connection to the pool fails; the pool evicts it anyway.
    }
  }
}
