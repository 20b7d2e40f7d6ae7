/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.port.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of the messages a dispatcher's workers hold, every third of the lease, on a
 * thread of its own: a send that outlasts the lease (a slow SMTP server) keeps its message from
 * other nodes, while a dead node stops renewing and its messages come back within one lease.
 * Held messages are let go before they are marked, and the renewal and the letting go take turns,
 * so a renewal never moves a message that was just marked.
 */
final class Heartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
  private final Storage storage;
  private final Clock clock;
  private final Duration lease;
  private final Set<MessageId> held = new LinkedHashSet<>(); // guarded by this
  private ScheduledExecutorService timer; // guarded by this; started with the first hold

  Heartbeat(Storage storage, Clock clock, Duration lease) {
    this.storage = storage;
    this.clock = clock;
    this.lease = lease;
  }

  synchronized void hold(List<OutboxMessage> claimed) {
    claimed.forEach(m -> held.add(m.id()));
    if (timer == null && !held.isEmpty()) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "civic-diary-outbox-lease");
        thread.setDaemon(true);
        return thread;
      });
      long period = Math.max(1, lease.toMillis() / 3);
      timer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }
  }

  /** Lets the message go: called before it is marked, and again (harmlessly) when its batch ends. */
  synchronized void release(MessageId id) {
    held.remove(id);
  }

  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  private synchronized void renew() {
    if (held.isEmpty()) {
      return;
    }
    List<MessageId> ids = List.copyOf(held);
    try {
      int renewed = storage.transactions().inTransaction(() -> storage.outbox().renew(ids, clock.instant(), lease));
      if (renewed < ids.size()) {
        // The worker outlasted its lease (a pause longer than the lease): another node may send it too.
        LOG.warn("{} of {} held outbox messages had lost their lease before it was renewed", ids.size() - renewed,
            ids.size());
      }
    } catch (RuntimeException e) {
      LOG.warn("could not renew the leases of {} outbox message(s); trying again in {}: {}", ids.size(),
          lease.dividedBy(3), SafeText.describe(e));
    }
  }
}
