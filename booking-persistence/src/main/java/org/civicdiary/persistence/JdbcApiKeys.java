/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.model.ApiKey;
import org.civicdiary.booking.port.ApiKeys;

final class JdbcApiKeys implements ApiKeys {
  private static final String COLUMNS = "id, name, prefix, key_hash, created_at, last_used, revoked_at";
  private static final String INSERT = "insert into api_key (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTransactions tx;

  JdbcApiKeys(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void add(ApiKey k) {
    tx.statement(c -> {
      try {
        return Sql.update(c, INSERT, k.id(), k.name(), k.prefix(), k.hash(), k.createdAt(), k.lastUsed(),
            k.revokedAt());
      } catch (SQLException e) {
        if (Failures.isUniqueViolation(e)) {
          throw new ConcurrentChange("api key", k.id());
        }
        throw e;
      }
    });
  }

  @Override
  public Optional<ApiKey> findByHash(String hash) {
    return tx.statement(c -> Sql.one(c, "select " + COLUMNS + " from api_key where key_hash = ?", JdbcApiKeys::key,
        hash));
  }

  @Override
  public Optional<ApiKey> find(String id) {
    return tx.statement(c -> Sql.one(c, "select " + COLUMNS + " from api_key where id = ?", JdbcApiKeys::key, id));
  }

  @Override
  public List<ApiKey> all() {
    return tx.statement(c -> Sql.list(c, "select " + COLUMNS + " from api_key order by created_at desc, id",
        JdbcApiKeys::key));
  }

  @Override
  public void revoke(String id, Instant at) {
    tx.statement(c -> Sql.update(c, "update api_key set revoked_at = ? where id = ? and revoked_at is null", at, id));
  }

  @Override
  public void used(String id, Instant at) {
    tx.statement(c -> Sql.update(c, "update api_key set last_used = ? where id = ?", at, id));
  }

  private static ApiKey key(ResultSet rs) throws SQLException {
    return new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("prefix"), rs.getString("key_hash"),
        Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used"), Sql.instant(rs, "revoked_at"));
  }
}
