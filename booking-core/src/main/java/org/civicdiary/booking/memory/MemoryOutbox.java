/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.port.Outbox;

final class MemoryOutbox implements Outbox {
  private final MemoryTransactions tx;
  private final Map<MessageId, OutboxMessage> messages = new LinkedHashMap<>();
  // When each was marked sent: the message record does not carry it (the JDBC table has a column).
  private final Map<MessageId, Instant> sentAt = new LinkedHashMap<>();

  MemoryOutbox(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void add(OutboxMessage message) {
    tx.locked(() -> tx.put(messages, message.id(), message));
  }

  @Override
  public List<OutboxMessage> claim(int max, Instant now, Duration lease) {
    return tx.locked(() -> {
      List<OutboxMessage> due = messages.values().stream()
          .filter(m -> m.state() == DeliveryState.PENDING && !m.dueAt().isAfter(now))
          .sorted(Comparator.comparing(OutboxMessage::dueAt))
          .limit(max)
          .map(m -> m.claimed(now, lease))
          .toList();
      due.forEach(m -> tx.put(messages, m.id(), m));
      return due;
    });
  }

  @Override
  public int renew(Collection<MessageId> ids, Instant now, Duration lease) {
    return tx.locked(() -> {
      int renewed = 0;
      for (MessageId id : ids) {
        OutboxMessage m = messages.get(id);
        if (m != null && m.state() == DeliveryState.PENDING && m.dueAt().isAfter(now)) {
          Instant until = now.plus(lease);
          if (until.isAfter(m.dueAt())) {
            tx.put(messages, id, m.retryAt(until, m.lastError())); // the one field a renewal writes
          }
          renewed++;
        }
      }
      return renewed;
    });
  }

  @Override
  public void markSent(MessageId id, Instant now) {
    tx.locked(() -> {
      change(id, OutboxMessage::sent);
      tx.put(sentAt, id, now);
    });
  }

  @Override
  public void markDelivered(MessageId id, String channel) {
    change(id, m -> m.deliveredOn(channel));
  }

  @Override
  public void retryLater(MessageId id, Instant nextAttempt, String error) {
    change(id, m -> m.retryAt(nextAttempt, error));
  }

  @Override
  public void park(MessageId id, String error) {
    change(id, m -> m.parked(error));
  }

  @Override
  public void release(MessageId id, Instant now) {
    change(id, m -> m.released(now));
  }

  private void change(MessageId id, UnaryOperator<OutboxMessage> how) {
    tx.locked(() -> {
      OutboxMessage message = messages.get(id);
      if (message == null) {
        throw new NotFound("message", id.toString());
      }
      tx.put(messages, id, how.apply(message));
    });
  }

  @Override
  public Optional<OutboxMessage> find(MessageId id) {
    return tx.locked(() -> Optional.ofNullable(messages.get(id)));
  }

  @Override
  public List<OutboxMessage> parked() {
    return tx.locked(() -> messages.values().stream().filter(m -> m.state() == DeliveryState.PARKED).toList());
  }

  @Override
  public long pendingCount() {
    return tx.locked(() -> messages.values().stream().filter(m -> m.state() == DeliveryState.PENDING).count());
  }

  @Override
  public int removeSentBefore(Instant cutoff) {
    return tx.locked(() -> {
      List<MessageId> old = messages.values().stream()
          .filter(m -> m.state() == DeliveryState.SENT && sentAt.get(m.id()).isBefore(cutoff))
          .map(OutboxMessage::id)
          .toList();
      old.forEach(id -> {
        tx.remove(messages, id);
        tx.remove(sentAt, id);
      });
      return old.size();
    });
  }
}
