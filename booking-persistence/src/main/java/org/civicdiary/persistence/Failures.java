/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.StorageUnavailable;

/** How SQLExceptions become the project's errors: decided here, and only here, at the JDBC edge. */
final class Failures {
  static final String UNIQUE_VIOLATION = "23505";

  private Failures() {}

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  static RuntimeException translate(SQLException e, Dialect dialect) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (connectionLost(e, state, dialect)) {
      return new StorageUnavailable("the database cannot be reached (SQLState " + state + ")", e);
    }
    if (state.startsWith("40") || dialect.lostToConcurrentWork(state) || isUniqueViolation(e)) {
      // Deadlock, serialization failure, lock timeout, or a concurrent insert of the same key: the
      // unit of work lost a race with another one and may be retried from fresh data.
      ConcurrentChange conflict = new ConcurrentChange("data", "(SQLState " + state + ")");
      conflict.initCause(e);
      return conflict;
    }
    return new IllegalStateException("unexpected database error (SQLState " + state + "): " + e.getMessage(), e);
  }

  private static boolean connectionLost(SQLException e, String state, Dialect dialect) {
    // The pool's timeout when no connection can be had is an SQLTransientConnectionException.
    return e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException
        || state.startsWith("08")
        || dialect.connectionLost(state);
  }
}
