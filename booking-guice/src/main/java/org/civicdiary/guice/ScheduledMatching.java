/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.usecase.OfferingFreedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the waiting list's matcher ({@link OfferingFreedTime}) on one daemon thread every {@code
 * civicdiary.waiting-list.match-every}: a freed time is offered within about that long of the
 * change that freed it. Each run is a few cheap reads when nothing was freed.
 */
final class ScheduledMatching implements Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledMatching.class);
  private final OfferingFreedTime matcher;
  private ScheduledExecutorService scheduler;

  ScheduledMatching(OfferingFreedTime matcher) {
    this.matcher = matcher;
  }

  @Override
  public Phase phase() {
    return Phase.HOUSEKEEPING;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = ScheduledHousekeeping.daemon("civic-diary-waiting-list");
    long every = matcher.rules().matchEvery().toMillis();
    scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  /** One run; a failure is logged and the next run comes as planned. */
  void runOnce() {
    try {
      int offered = matcher.run();
      if (offered > 0) {
        LOG.info("waiting list: offered {} freed times", offered);
      }
    } catch (RuntimeException e) {
      LOG.warn("waiting list: matching failed; it is tried again at the next run", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }
}
