/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.time.Instant;
import java.util.List;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.port.AuditLog;

final class JdbcAuditLog implements AuditLog {
  private static final String INSERT = """
      insert into audit_entry (recorded_at, actor, action, subject, before_state, after_state)
      values (?, ?, ?, ?, ?, ?)
      """;
  // Newest first in the order they were recorded (the identity), as a log reads.
  private static final String LATEST = """
      select recorded_at, actor, action, subject, before_state, after_state
      from audit_entry
      order by id desc
      limit ?
      """;

  private static final String REMOVE_BEFORE = """
      delete from audit_entry
      where recorded_at < ?
      """;

  private final JdbcTransactions tx;

  JdbcAuditLog(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void record(AuditEntry e) {
    tx.statement(c -> Sql.update(c, INSERT, e.at(), e.actor(), e.action(), e.subject(), e.before(), e.after()));
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return tx.statement(c -> Sql.list(c, LATEST, rs -> new AuditEntry(Sql.instant(rs, "recorded_at"),
        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("before_state"),
        rs.getString("after_state")), limit));
  }

  @Override
  public int removeBefore(Instant cutoff) {
    return tx.statement(c -> Sql.update(c, REMOVE_BEFORE, cutoff));
  }
}
