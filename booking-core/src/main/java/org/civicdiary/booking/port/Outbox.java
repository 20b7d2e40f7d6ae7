/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OutboxMessage;

/**
 * Messages waiting to be sent. A message is added in the same unit of work as the change that
 * causes it, and leaves PENDING only through {@link #markSent} or {@link #park}. Delivery is at
 * least once: a claim that is not followed by either (a worker killed mid-send) expires after its
 * lease and the message is claimed again. A live worker keeps its lease by {@link #renew renewing}
 * it while it sends, so the lease can be short (a dead node's messages come back soon) and a slow
 * channel still sends each message once. Every method may throw {@link
 * org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface Outbox {
  void add(OutboxMessage message);

  /**
   * Claims up to {@code max} pending messages due at {@code now}, earliest due first, counting an
   * attempt on each and pushing its due time to {@code now + lease}. Workers claiming at the same
   * time never get the same message.
   */
  List<OutboxMessage> claim(int max, Instant now, Duration lease);

  /**
   * Extends the leases a worker holds: each of {@code ids} that is still pending and not due at
   * {@code now} becomes due at {@code now + lease}, or stays later if it was due later (a retry's
   * wait is never shortened). A message whose lease ended (its worker stalled for longer) is left
   * alone, since another worker may have claimed it; so are sent and parked messages.
   *
   * @return how many were still held (pending and not due)
   */
  int renew(Collection<MessageId> ids, Instant now, Duration lease);

  void markSent(MessageId id, Instant now);

  /**
   * Records that one channel delivered it, so that a retry after another channel failed sends it
   * only on the channels still owed. A name is a short word without spaces ({@code smtp}).
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such message
   */
  void markDelivered(MessageId id, String channel);

  /** Leaves it pending, due again at {@code nextAttempt}, with the error that stopped it. */
  void retryLater(MessageId id, Instant nextAttempt, String error);

  /** Gives up on it: it waits for a person on the worklist. */
  void park(MessageId id, String error);

  /** Puts a parked message back in line, due now.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such message
   */
  void release(MessageId id, Instant now);

  Optional<OutboxMessage> find(MessageId id);

  List<OutboxMessage> parked();

  /** How many are pending (for the backlog metric). */
  long pendingCount();

  /**
   * Removes the messages marked sent before {@code cutoff} (housekeeping). Pending and parked
   * messages stay, however old.
   *
   * @return how many were removed
   */
  int removeSentBefore(Instant cutoff);
}
