/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.model.StoredResponse;
import org.civicdiary.booking.port.IdempotencyKeys;

final class JdbcIdempotencyKeys implements IdempotencyKeys {
  private static final String FIND = """
      select idempotency_key, request_hash, status, body, expires_at
      from idempotency_record
      where idempotency_key = ? and expires_at > ?
      """;
  private static final String FORGET_EXPIRED_KEY = """
      delete from idempotency_record
      where idempotency_key = ? and expires_at <= ?
      """;
  private static final String INSERT = """
      insert into idempotency_record (idempotency_key, request_hash, status, body, expires_at)
      values (?, ?, ?, ?, ?)
      """;

  private final JdbcTransactions tx;

  JdbcIdempotencyKeys(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<StoredResponse> find(String key, Instant now) {
    return tx.statement(c -> Sql.one(c, FIND, rs -> new StoredResponse(rs.getString("idempotency_key"),
        rs.getString("request_hash"), rs.getInt("status"), rs.getString("body"), Sql.instant(rs, "expires_at")),
        key, now));
  }

  @Override
  public void save(StoredResponse r, Instant now) {
    tx.atomically(c -> {
      Sql.update(c, FORGET_EXPIRED_KEY, r.key(), now);
      try {
        return Sql.update(c, INSERT, r.key(), r.requestHash(), r.status(), r.body(), r.expiresAt());
      } catch (SQLException e) {
        if (Failures.isUniqueViolation(e)) {
          // A live answer is stored, or a concurrent request with the same key stored one first.
          throw new ConcurrentChange("idempotency key", r.key());
        }
        throw e;
      }
    });
  }

  @Override
  public int removeExpired(Instant now) {
    return tx.statement(c -> Sql.update(c, "delete from idempotency_record where expires_at <= ?", now));
  }
}
