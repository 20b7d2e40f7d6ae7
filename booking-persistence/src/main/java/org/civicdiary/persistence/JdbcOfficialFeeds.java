/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.OfficialFeed;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.port.OfficialFeeds;

/** The {@code official_feed} table: a row an official, the feed's secret only as its hash. */
final class JdbcOfficialFeeds implements OfficialFeeds {
  private static final String SELECT = "select official_id, token_hash, created_at, created_by from official_feed\n";
  private static final String INSERT = """
      insert into official_feed (official_id, token_hash, created_at, created_by)
      select id, ?, ?, ? from official where id = ?
      """;

  private final JdbcTransactions tx;

  JdbcOfficialFeeds(JdbcTransactions tx) {
    this.tx = tx;
  }

  /** Delete and insert in one unit of work: the same on both engines, and the old token never opens again. */
  @Override
  public void replace(OfficialFeed feed) {
    tx.atomically(c -> {
      Sql.update(c, "delete from official_feed where official_id = ?", feed.official().value());
      if (Sql.update(c, INSERT, feed.tokenHash(), feed.createdAt(), feed.createdBy(), feed.official().value()) == 0) {
        throw new NotFound("official", feed.official().value());
      }
      return null;
    });
  }

  @Override
  public boolean revoke(OfficialId official) {
    return tx.statement(c -> Sql.update(c, "delete from official_feed where official_id = ?", official.value())) > 0;
  }

  @Override
  public Optional<OfficialFeed> ofOfficial(OfficialId official) {
    return tx.statement(c -> Sql.one(c, SELECT + "where official_id = ?", JdbcOfficialFeeds::feed, official.value()));
  }

  @Override
  public Optional<OfficialFeed> byTokenHash(String tokenHash) {
    return tx.statement(c -> Sql.one(c, SELECT + "where token_hash = ?", JdbcOfficialFeeds::feed, tokenHash));
  }

  private static OfficialFeed feed(ResultSet rs) throws SQLException {
    return new OfficialFeed(OfficialId.of(rs.getString("official_id")), rs.getString("token_hash"),
        Sql.instant(rs, "created_at"), rs.getString("created_by"));
  }
}
