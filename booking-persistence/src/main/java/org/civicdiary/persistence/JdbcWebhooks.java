/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookAttempt;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookDeliveryState;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEndpointId;
import org.civicdiary.booking.model.WebhookEvent;
import org.civicdiary.booking.model.WebhookEventType;
import org.civicdiary.booking.model.WebhookSecret;
import org.civicdiary.booking.port.Webhooks;

/**
 * The webhook tables. Claims lock the due deliveries with {@code FOR UPDATE SKIP LOCKED} where the
 * engine has it, as the outbox does; a delivery stays pending while it is being sent, so that it
 * holds up the later ones of its reservation on every node.
 */
final class JdbcWebhooks implements Webhooks {
  private static final String ENDPOINT = """
      select id, url, description, event_types, personal_data, active, secret, previous_secret,
             previous_secret_until, created_at, updated_at
      from webhook_endpoint
      """;
  private static final String INSERT_ENDPOINT = """
      insert into webhook_endpoint (url, description, event_types, personal_data, active, secret, previous_secret,
                                    previous_secret_until, created_at, updated_at, id)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String UPDATE_ENDPOINT = """
      update webhook_endpoint
      set url = ?, description = ?, event_types = ?, personal_data = ?, active = ?, secret = ?, previous_secret = ?,
          previous_secret_until = ?, created_at = ?, updated_at = ?
      where id = ?
      """;
  // The event's values are cast so that both engines know their types in a select list.
  private static final String PUBLISH = """
      insert into webhook_delivery (endpoint_id, event_id, event_type, reservation_id, department_id, official_id,
                                    agenda_id, start_at, end_at, office_zone, status, channel, occurred_at, state,
                                    attempts, due_at)
      select id, cast(? as varchar(64)), cast(? as varchar(32)), cast(? as uuid), cast(? as varchar(64)),
             cast(? as varchar(64)), cast(? as varchar(64)), cast(? as timestamp with time zone),
             cast(? as timestamp with time zone), cast(? as varchar(64)), cast(? as varchar(16)),
             cast(? as varchar(8)), cast(? as timestamp with time zone), 'PENDING', 0,
             cast(? as timestamp with time zone)
      from webhook_endpoint
      where active and event_types like ?
      order by created_at, id
      """;
  private static final String DELIVERY = """
      select id, endpoint_id, event_id, event_type, reservation_id, department_id, official_id, agenda_id, start_at,
             end_at, office_zone, status, channel, occurred_at, state, attempts, due_at, last_attempt_at, last_status,
             last_error, last_duration_ms
      from webhook_delivery d
      """;
  // Only the first pending delivery of its endpoint and reservation (its line) is claimed. Asked as
  // a scalar subquery, not as "not exists (an earlier pending one)": PostgreSQL turns the latter into
  // an anti-join whose plan follows the statistics, and with too few pending rows in them (a backlog
  // building up after an analyze) it compared every candidate with every pending row: seconds per
  // claim. The subquery is one probe of webhook_delivery_pending_line (V14) per candidate, whatever
  // the statistics say.
  private static final String DUE = DELIVERY + """
      where d.state = 'PENDING' and d.due_at <= ?
        and d.id = (select min(e.id) from webhook_delivery e
                    where e.endpoint_id = d.endpoint_id and e.reservation_id = d.reservation_id
                      and e.state = 'PENDING')
      order by d.id
      limit ?
      """;
  private static final String LEASE = """
      update webhook_delivery
      set attempts = attempts + 1, due_at = ?
      where id = any(?)
      """;
  private static final String RECORD = """
      update webhook_delivery
      set state = ?, due_at = coalesce(?, due_at), last_attempt_at = ?, last_status = ?, last_error = ?,
          last_duration_ms = ?
      where id = ?
      """;
  private static final String RETRY = """
      update webhook_delivery
      set state = 'PENDING', due_at = ?, attempts = 0
      where id = ? and state = 'GIVEN_UP'
      """;
  private static final String REMOVE_FINISHED = """
      delete from webhook_delivery
      where state in ('DELIVERED', 'GIVEN_UP') and last_attempt_at < ?
      """;

  private final JdbcTransactions tx;
  private final String claimDue;

  JdbcWebhooks(JdbcTransactions tx) {
    this.tx = tx;
    this.claimDue = DUE + (tx.dialect().supportsSkipLocked() ? "for update skip locked" : "for update");
  }

  @Override
  public List<WebhookEndpoint> endpoints() {
    return tx.statement(c -> Sql.list(c, ENDPOINT + "order by created_at, id", JdbcWebhooks::endpoint));
  }

  @Override
  public Optional<WebhookEndpoint> endpoint(WebhookEndpointId id) {
    return tx.statement(c -> Sql.one(c, ENDPOINT + "where id = ?", JdbcWebhooks::endpoint, id.value()));
  }

  @Override
  public void save(WebhookEndpoint e) {
    Object[] values = {e.url().toString(), e.description(), eventTypes(e.events()), e.personalData(), e.active(),
        e.secret().text(), e.previousSecret() == null ? null : e.previousSecret().text(), e.previousSecretUntil(),
        e.createdAt(), e.updatedAt(), e.id().value()};
    tx.atomically(c -> Sql.update(c, UPDATE_ENDPOINT, values) == 0 ? Sql.update(c, INSERT_ENDPOINT, values) : 1);
  }

  @Override
  public boolean delete(WebhookEndpointId id) {
    return tx.atomically(c -> {
      Sql.update(c, "delete from webhook_delivery where endpoint_id = ?", id.value());
      return Sql.update(c, "delete from webhook_endpoint where id = ?", id.value()) > 0;
    });
  }

  @Override
  public int publish(WebhookEvent e) {
    return tx.statement(c -> Sql.update(c, PUBLISH, e.id(), e.type().wireName(), e.reservation().value(),
        e.department().value(), e.official().value(), e.agenda().value(), e.start(), e.end(), e.zone().getId(),
        e.status(), e.channel(), e.occurredAt(), e.occurredAt(), "%," + e.type().wireName() + ",%"));
  }

  @Override
  public List<WebhookDelivery> claim(int max, Instant now, Duration lease) {
    return tx.atomically(c -> {
      List<WebhookDelivery> due = Sql.list(c, claimDue, JdbcWebhooks::delivery, now, max);
      if (due.isEmpty()) {
        return List.of();
      }
      Sql.update(c, LEASE, now.plus(lease), c.createArrayOf("bigint",
          due.stream().map(WebhookDelivery::number).toArray()));
      return due.stream().map(d -> d.claimed(now, lease)).toList();
    });
  }

  @Override
  public void delivered(long number, WebhookAttempt attempt) {
    record(number, WebhookDeliveryState.DELIVERED, null, attempt);
  }

  @Override
  public void retryLater(long number, Instant next, WebhookAttempt attempt) {
    record(number, WebhookDeliveryState.PENDING, next, attempt);
  }

  @Override
  public void giveUp(long number, WebhookAttempt attempt) {
    record(number, WebhookDeliveryState.GIVEN_UP, null, attempt);
  }

  private void record(long number, WebhookDeliveryState state, Instant next, WebhookAttempt a) {
    if (tx.statement(c -> Sql.update(c, RECORD, state, next, a.at(), a.status(), a.error(), a.duration().toMillis(),
        number)) == 0) {
      throw new NotFound("webhook delivery", Long.toString(number));
    }
  }

  @Override
  public void retry(long number, Instant now) {
    tx.atomically(c -> {
      if (Sql.update(c, RETRY, now, number) == 0) {
        WebhookDelivery d = Sql.one(c, DELIVERY + "where id = ?", JdbcWebhooks::delivery, number)
            .orElseThrow(() -> new NotFound("webhook delivery", Long.toString(number)));
        throw new StateConflict("delivery " + number + " is " + d.state() + ", not given up");
      }
      return null;
    });
  }

  @Override
  public Optional<WebhookDelivery> delivery(long number) {
    return tx.statement(c -> Sql.one(c, DELIVERY + "where id = ?", JdbcWebhooks::delivery, number));
  }

  @Override
  public List<WebhookDelivery> log(WebhookEndpointId endpoint, int limit) {
    return tx.statement(c -> Sql.list(c, DELIVERY + "where endpoint_id = ? order by id desc limit ?",
        JdbcWebhooks::delivery, endpoint.value(), limit));
  }

  @Override
  public long pendingCount() {
    return tx.statement(c -> Sql.count(c, "select count(*) from webhook_delivery where state = 'PENDING'"));
  }

  @Override
  public int removeFinishedBefore(Instant cutoff) {
    return tx.statement(c -> Sql.update(c, REMOVE_FINISHED, cutoff));
  }

  private static String eventTypes(Set<WebhookEventType> types) {
    return types.stream().map(WebhookEventType::wireName).collect(Collectors.joining(",", ",", ","));
  }

  private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
    Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
    Arrays.stream(rs.getString("event_types").split(",")).filter(s -> !s.isEmpty())
        .forEach(s -> types.add(WebhookEventType.parse("events", s)));
    String previous = rs.getString("previous_secret");
    return new WebhookEndpoint(new WebhookEndpointId(Sql.uuid(rs, "id")), URI.create(rs.getString("url")),
        rs.getString("description"), types, rs.getBoolean("personal_data"), rs.getBoolean("active"),
        WebhookSecret.parse(rs.getString("secret")), previous == null ? null : WebhookSecret.parse(previous),
        Sql.instant(rs, "previous_secret_until"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
  }

  private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
    WebhookEvent event = new WebhookEvent(rs.getString("event_id"),
        WebhookEventType.parse("event_type", rs.getString("event_type")),
        new ReservationId(Sql.uuid(rs, "reservation_id")), DepartmentId.of(rs.getString("department_id")),
        OfficialId.of(rs.getString("official_id")), AgendaId.of(rs.getString("agenda_id")),
        Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"), ZoneId.of(rs.getString("office_zone")),
        Sql.enumerated(rs, "status", Status.class), Sql.enumerated(rs, "channel", Channel.class),
        Sql.instant(rs, "occurred_at"));
    Instant lastAt = Sql.instant(rs, "last_attempt_at");
    WebhookAttempt last = null;
    if (lastAt != null) {
      int status = rs.getInt("last_status");
      Integer lastStatus = rs.wasNull() ? null : status;
      last = new WebhookAttempt(lastAt, lastStatus, rs.getString("last_error"),
          Duration.ofMillis(rs.getLong("last_duration_ms")));
    }
    return new WebhookDelivery(rs.getLong("id"), new WebhookEndpointId(Sql.uuid(rs, "endpoint_id")), event,
        Sql.enumerated(rs, "state", WebhookDeliveryState.class), rs.getInt("attempts"), Sql.instant(rs, "due_at"),
        last);
  }
}
