/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import org.civicdiary.booking.port.Challenges;

final class JdbcChallenges implements Challenges {
  private static final String SPEND = "insert into spent_challenge (challenge, expires_at) values (?, ?)";
  private static final String KEY = "select hmac_key from challenge_key where id = 1";
  private static final String STORE_KEY = "insert into challenge_key (id, hmac_key) values (1, ?)";

  private final JdbcTransactions tx;

  JdbcChallenges(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public boolean spend(String challenge, Instant expiresAt) {
    return tx.statement(c -> insertOnce(c, SPEND, challenge, expiresAt));
  }

  @Override
  public int removeExpired(Instant now) {
    return tx.statement(c -> Sql.update(c, "delete from spent_challenge where expires_at <= ?", now));
  }

  @Override
  public String signingKey(String candidate) {
    return tx.statement(c -> {
      var stored = Sql.one(c, KEY, rs -> rs.getString(1));
      if (stored.isPresent()) {
        return stored.get();
      }
      // Two nodes starting at once: the loser's insert fails and it reads the winner's key.
      insertOnce(c, STORE_KEY, candidate);
      return Sql.one(c, KEY, rs -> rs.getString(1)).orElseThrow();
    });
  }

  /**
   * Inserts, answering false where the unique key refuses it. Inside a unit of work through a
   * savepoint, since on PostgreSQL a failed statement would otherwise spoil the whole unit.
   */
  private static boolean insertOnce(Connection c, String sql, Object... params) throws SQLException {
    Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
    try {
      Sql.update(c, sql, params);
    } catch (SQLException e) {
      if (!Failures.isUniqueViolation(e)) {
        throw e;
      }
      if (savepoint != null) {
        c.rollback(savepoint);
      }
      return false;
    }
    if (savepoint != null) {
      c.releaseSavepoint(savepoint);
    }
    return true;
  }
}
