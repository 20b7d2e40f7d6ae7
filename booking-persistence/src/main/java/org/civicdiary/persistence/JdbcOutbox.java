/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.port.Outbox;

/**
 * The outbox table. Claims lock the due rows with {@code FOR UPDATE SKIP LOCKED} where the engine
 * has it, so workers on several nodes take disjoint batches without waiting for each other.
 */
final class JdbcOutbox implements Outbox {
  private static final String SELECT = """
      select id, kind, reservation_id, official_id, start_at, end_at, sequence_number, note, created_at, due_at,
             state, attempts, last_error, delivered_channels, previous_official_id, previous_start_at
      from outbox_message
      """;
  private static final String INSERT = """
      insert into outbox_message (id, kind, reservation_id, official_id, start_at, end_at, sequence_number, note,
                                  created_at, due_at, state, attempts, last_error, previous_official_id,
                                  previous_start_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String DUE = SELECT + """
      where state = 'PENDING' and due_at <= ?
      order by due_at, id
      limit ?
      """;
  private static final String LEASE = """
      update outbox_message
      set attempts = attempts + 1, due_at = ?
      where id = any(?)
      """;
  /** Only leases still running (an ended one may be another worker's now); never sooner than a retry's. */
  private static final String RENEW = """
      update outbox_message
      set due_at = greatest(due_at, ?)
      where id = any(?) and state = 'PENDING' and due_at > ?
      """;
  private static final String MARK_SENT = """
      update outbox_message
      set state = 'SENT', sent_at = ?
      where id = ?
      """;
  /** Space-separated names with a leading space each: " smtp sms". */
  private static final String MARK_DELIVERED = """
      update outbox_message
      set delivered_channels = delivered_channels || ?
      where id = ?
      """;
  private static final String RETRY_LATER = """
      update outbox_message
      set state = 'PENDING', due_at = ?, last_error = ?
      where id = ?
      """;
  private static final String PARK = """
      update outbox_message
      set state = 'PARKED', last_error = ?
      where id = ?
      """;
  private static final String RELEASE = """
      update outbox_message
      set state = 'PENDING', due_at = ?, attempts = 0
      where id = ?
      """;

  private static final String REMOVE_SENT = """
      delete from outbox_message
      where state = 'SENT' and sent_at < ?
      """;

  private final JdbcTransactions tx;
  private final String claimDue;

  JdbcOutbox(JdbcTransactions tx) {
    this.tx = tx;
    // Without SKIP LOCKED a claim waits for a concurrent claimer's rows and then skips those it leased.
    this.claimDue = DUE + (tx.dialect().supportsSkipLocked() ? "for update skip locked" : "for update");
  }

  @Override
  public void add(OutboxMessage m) {
    tx.statement(c -> Sql.update(c, INSERT, m.id().value(), m.kind(), m.reservation().value(), m.official().value(),
        m.start(), m.end(), m.sequence(), m.note(), m.createdAt(), m.dueAt(), m.state(), m.attempts(), m.lastError(),
        m.previousOfficial() == null ? null : m.previousOfficial().value(), m.previousStart()));
  }

  @Override
  public List<OutboxMessage> claim(int max, Instant now, Duration lease) {
    return tx.atomically(c -> {
      List<OutboxMessage> due = Sql.list(c, claimDue, JdbcOutbox::message, now, max);
      if (due.isEmpty()) {
        return List.of();
      }
      Sql.update(c, LEASE, now.plus(lease), Sql.uuids(c, due.stream().map(m -> m.id().value()).toList()));
      return due.stream().map(m -> m.claimed(now, lease)).toList();
    });
  }

  @Override
  public int renew(Collection<MessageId> ids, Instant now, Duration lease) {
    if (ids.isEmpty()) {
      return 0;
    }
    return tx.statement(c -> Sql.update(c, RENEW, now.plus(lease),
        Sql.uuids(c, ids.stream().map(MessageId::value).toList()), now));
  }

  @Override
  public void markSent(MessageId id, Instant now) {
    change(id, MARK_SENT, now, id.value());
  }

  @Override
  public void markDelivered(MessageId id, String channel) {
    if (channel.isBlank() || channel.chars().anyMatch(Character::isWhitespace) || channel.length() > 40) {
      throw new IllegalArgumentException("a channel's name is one short word: " + channel);
    }
    change(id, MARK_DELIVERED, " " + channel, id.value());
  }

  @Override
  public void retryLater(MessageId id, Instant nextAttempt, String error) {
    change(id, RETRY_LATER, nextAttempt, error, id.value());
  }

  @Override
  public void park(MessageId id, String error) {
    change(id, PARK, error, id.value());
  }

  @Override
  public void release(MessageId id, Instant now) {
    change(id, RELEASE, now, id.value());
  }

  private void change(MessageId id, String sql, Object... params) {
    if (tx.statement(c -> Sql.update(c, sql, params)) == 0) {
      throw new NotFound("message", id.toString());
    }
  }

  @Override
  public Optional<OutboxMessage> find(MessageId id) {
    return tx.statement(c -> Sql.one(c, SELECT + "where id = ?", JdbcOutbox::message, id.value()));
  }

  @Override
  public List<OutboxMessage> parked() {
    return tx.statement(c -> Sql.list(c, SELECT + "where state = 'PARKED' order by created_at, id", JdbcOutbox::message));
  }

  @Override
  public long pendingCount() {
    return tx.statement(c -> Sql.count(c, "select count(*) from outbox_message where state = 'PENDING'"));
  }

  @Override
  public int removeSentBefore(Instant cutoff) {
    return tx.statement(c -> Sql.update(c, REMOVE_SENT, cutoff));
  }

  private static Set<String> channels(String names) {
    return names == null || names.isBlank() ? Set.of() : Set.copyOf(java.util.Arrays.asList(names.strip().split(" +")));
  }

  private static OutboxMessage message(ResultSet rs) throws SQLException {
    return new OutboxMessage(new MessageId(Sql.uuid(rs, "id")), Sql.enumerated(rs, "kind", MessageKind.class),
        new ReservationId(Sql.uuid(rs, "reservation_id")), OfficialId.of(rs.getString("official_id")),
        Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"), rs.getInt("sequence_number"), rs.getString("note"),
        Sql.instant(rs, "created_at"), Sql.instant(rs, "due_at"), Sql.enumerated(rs, "state", DeliveryState.class),
        rs.getInt("attempts"), rs.getString("last_error"), channels(rs.getString("delivered_channels")),
        rs.getString("previous_official_id") == null ? null : OfficialId.of(rs.getString("previous_official_id")),
        Sql.instant(rs, "previous_start_at"));
  }
}
