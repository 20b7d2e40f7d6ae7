/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import java.util.Set;

/**
 * A message to a citizen, written in the same unit of work as the change that causes it. It
 * records the reservation's time and official as they were when the message was caused, so that
 * a message sent late still says what happened. Its id gives the stable Message-ID.
 *
 * @param dueAt when it may go out next (a reminder's time; the next retry after a failure)
 * @param note the staff's note to pass on (cancellation by the office), or null
 * @param delivered the channels ({@code smtp}, {@code sms}…) that have delivered it already: a retry
 *     after another channel failed does not send it on these again
 * @param previousOfficial for a move ({@link MessageKind#RESCHEDULED}), the official before it, so
 *     that the message says whether the time moved or only the official changed; null otherwise
 * @param previousStart for a move, the start before it; null otherwise
 */
public record OutboxMessage(
    MessageId id,
    MessageKind kind,
    ReservationId reservation,
    OfficialId official,
    Instant start,
    Instant end,
    int sequence,
    String note,
    Instant createdAt,
    Instant dueAt,
    DeliveryState state,
    int attempts,
    String lastError,
    Set<String> delivered,
    OfficialId previousOfficial,
    Instant previousStart) {

  public OutboxMessage {
    Check.present("id", id);
    Check.present("kind", kind);
    Check.present("reservation", reservation);
    Check.present("official", official);
    Check.present("start", start);
    Check.present("end", end);
    Check.present("createdAt", createdAt);
    Check.present("dueAt", dueAt);
    Check.present("state", state);
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
    delivered = delivered == null ? Set.of() : Set.copyOf(delivered);
  }

  /** A message that is not about a move. */
  public OutboxMessage(MessageId id, MessageKind kind, ReservationId reservation, OfficialId official, Instant start,
      Instant end, int sequence, String note, Instant createdAt, Instant dueAt, DeliveryState state, int attempts,
      String lastError, Set<String> delivered) {
    this(id, kind, reservation, official, start, end, sequence, note, createdAt, dueAt, state, attempts, lastError,
        delivered, null, null);
  }

  /** A message no channel has delivered yet. */
  public OutboxMessage(MessageId id, MessageKind kind, ReservationId reservation, OfficialId official, Instant start,
      Instant end, int sequence, String note, Instant createdAt, Instant dueAt, DeliveryState state, int attempts,
      String lastError) {
    this(id, kind, reservation, official, start, end, sequence, note, createdAt, dueAt, state, attempts, lastError,
        Set.of());
  }

  /** A new pending message about the reservation as it is now. */
  public static OutboxMessage about(Reservation r, MessageKind kind, Instant now, Instant dueAt) {
    return new OutboxMessage(MessageId.random(), kind, r.id(), r.official(), r.start(), r.end(),
        r.sequence(), r.note(), now, dueAt, DeliveryState.PENDING, 0, null);
  }

  /** A new pending message about a reservation moved from {@code before}'s official and time. */
  public static OutboxMessage aboutMove(Reservation moved, Reservation before, MessageKind kind, Instant now) {
    return new OutboxMessage(MessageId.random(), kind, moved.id(), moved.official(), moved.start(), moved.end(),
        moved.sequence(), moved.note(), now, now, DeliveryState.PENDING, 0, null, Set.of(), before.official(),
        before.start());
  }

  /** Claimed by a worker: one more attempt, and due again after the lease unless marked. */
  public OutboxMessage claimed(Instant now, java.time.Duration lease) {
    return new OutboxMessage(id, kind, reservation, official, start, end, sequence, note, createdAt,
        now.plus(lease), state, attempts + 1, lastError, delivered, previousOfficial, previousStart);
  }

  public OutboxMessage sent() {
    return new OutboxMessage(id, kind, reservation, official, start, end, sequence, note, createdAt,
        dueAt, DeliveryState.SENT, attempts, lastError, delivered, previousOfficial, previousStart);
  }

  public OutboxMessage retryAt(Instant nextAttempt, String error) {
    return new OutboxMessage(id, kind, reservation, official, start, end, sequence, note, createdAt,
        nextAttempt, DeliveryState.PENDING, attempts, error, delivered, previousOfficial, previousStart);
  }

  public OutboxMessage parked(String error) {
    return new OutboxMessage(id, kind, reservation, official, start, end, sequence, note, createdAt,
        dueAt, DeliveryState.PARKED, attempts, error, delivered, previousOfficial, previousStart);
  }

  /** Delivered on one more channel. */
  public OutboxMessage deliveredOn(String channel) {
    Set<String> more = new java.util.HashSet<>(delivered);
    more.add(channel);
    return new OutboxMessage(id, kind, reservation, official, start, end, sequence, note, createdAt, dueAt, state,
        attempts, lastError, more, previousOfficial, previousStart);
  }

  /** Back in line after a person looked at it: due now, with a fresh count of attempts. */
  public OutboxMessage released(Instant now) {
    return new OutboxMessage(id, kind, reservation, official, start, end, sequence, note, createdAt,
        now, DeliveryState.PENDING, 0, lastError, delivered, previousOfficial, previousStart);
  }
}
