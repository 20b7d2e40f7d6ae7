/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.port.Outbox;
import org.civicdiary.booking.port.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox dispatcher: {@code civicdiary.notify.threads} background workers (two by default),
 * each claiming, composing, delivering and marking messages.
 */
final class OutboxWorkers implements OutboxDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorkers.class);
  private final Storage storage;
  private final Clock clock;
  private final Composer composer;
  private final List<Notifier> channels;
  private final NotifyConfig config;
  private final Backoff backoff;
  private final PollingThreads threads;
  private final Heartbeat heartbeat;

  OutboxWorkers(Storage storage, Clock clock, Composer composer, List<Notifier> channels, NotifyConfig config,
      Backoff backoff) {
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("the dispatcher needs at least one channel: with civicdiary.mail.transport=none,"
          + " add your own Notifier with Multibinder.newSetBinder(binder(), Notifier.class)");
    }
    this.storage = storage;
    this.clock = clock;
    this.composer = composer;
    this.channels = List.copyOf(channels);
    this.config = config;
    this.backoff = backoff;
    this.threads = new PollingThreads("civic-diary-outbox", config.threads(), config.pollInterval(),
        config.stopGrace(), config.batchSize(), this::dispatch);
    this.heartbeat = new Heartbeat(storage, clock, config.lease());
  }

  @Override
  public void start() {
    if (threads.start()) {
      LOG.debug("outbox dispatcher started: {} thread(s), channels {}", config.threads(),
          channels.stream().map(Notifier::name).toList());
    }
  }

  @Override
  public void stop() {
    try {
      if (threads.stop()) {
        LOG.debug("outbox dispatcher stopped");
      }
    } finally {
      heartbeat.stop();
      // Also when never started: connections opened by dispatchOnce to let go of.
      channels.forEach(OutboxWorkers::closeQuietly);
    }
  }

  @Override
  public void nudge() {
    threads.nudge();
  }

  @Override
  public int dispatchOnce() {
    return dispatch(() -> false);
  }

  private int dispatch(BooleanSupplier stopping) {
    Outbox outbox = storage.outbox();
    Instant now = clock.instant();
    List<OutboxMessage> batch = storage.transactions().inTransaction(
        () -> outbox.claim(config.batchSize(), now, config.lease()));
    heartbeat.hold(batch);
    try {
      for (int i = 0; i < batch.size(); i++) {
        if (stopping.getAsBoolean()) {
          handBack(batch.subList(i, batch.size()));
          break;
        }
        handle(batch.get(i));
      }
    } finally {
      // Whatever went wrong, nothing stays renewed for ever: the rest comes back after its lease.
      batch.forEach(m -> heartbeat.release(m.id()));
    }
    return batch.size();
  }

  private void handle(OutboxMessage message) {
    Composer.Composed composed;
    try {
      composed = composer.compose(message);
    } catch (RuntimeException e) {
      failed(message, "render: " + SafeText.describe(e));
      return;
    }
    if (composed instanceof Composer.Obsolete obsolete) {
      LOG.info("outbox message {} ({}) dropped: {}", message.id(), message.kind(), obsolete.reason());
      finish(() -> storage.outbox().markSent(message.id(), clock.instant()), message);
      return;
    }
    Notice notice = ((Composer.Ready) composed).notice();
    for (Notifier channel : channels) {
      if (message.delivered().contains(channel.name())) {
        continue; // delivered before another channel failed: the citizen has it
      }
      try {
        channel.deliver(notice);
      } catch (DeliveryFailed e) {
        failed(message, channel.name() + ": " + e.getMessage());
        return;
      } catch (RuntimeException e) {
        failed(message, channel.name() + ": " + SafeText.describe(e));
        return;
      }
      if (channels.size() > 1) {
        // with one channel, marking the message sent says the same in one write
        mark(() -> storage.outbox().markDelivered(message.id(), channel.name()), message);
      }
    }
    finish(() -> storage.outbox().markSent(message.id(), clock.instant()), message);
    LOG.debug("outbox message {} ({}) sent as {}", message.id(), message.kind(), notice.messageId());
  }

  private void failed(OutboxMessage message, String why) {
    String error = SafeText.error(why);
    if (message.attempts() >= config.maxAttempts()) {
      LOG.warn("outbox message {} ({}) parked after {} attempts: {}", message.id(), message.kind(),
          message.attempts(), error);
      finish(() -> storage.outbox().park(message.id(), error), message);
    } else {
      Instant next = clock.instant().plus(backoff.after(message.attempts()));
      LOG.info("outbox message {} ({}) attempt {} failed, next at {}: {}", message.id(), message.kind(),
          message.attempts(), next, error);
      finish(() -> storage.outbox().retryLater(message.id(), next, error), message);
    }
  }

  /** Claimed but not begun when stopping: due again at once, for this node or another. */
  private void handBack(List<OutboxMessage> rest) {
    Instant now = clock.instant();
    for (OutboxMessage message : rest) {
      String error = message.lastError() == null ? "not sent yet: a dispatcher stopped first" : message.lastError();
      finish(() -> storage.outbox().retryLater(message.id(), now, error), message);
    }
  }

  /** The last mark of this claim: the heartbeat lets the message go first, so that it cannot move it after. */
  private void finish(Runnable change, OutboxMessage message) {
    heartbeat.release(message.id());
    mark(change, message);
  }

  /** A failed mark is not lost: the lease brings the message back and it is sent again. */
  private void mark(Runnable change, OutboxMessage message) {
    try {
      storage.transactions().run(change);
    } catch (RuntimeException e) {
      LOG.warn("outbox message {} could not be marked; it comes back after its lease: {}", message.id(),
          SafeText.describe(e));
    }
  }

  private static void closeQuietly(Notifier channel) {
    try {
      channel.close();
    } catch (RuntimeException e) {
      LOG.debug("closing channel {}: {}", channel.name(), SafeText.describe(e));
    }
  }
}
