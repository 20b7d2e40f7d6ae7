/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.usecase.Housekeeping;
import org.civicdiary.booking.usecase.HousekeepingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Housekeeping} on one daemon thread every interval. The cadence is the executor's;
 * "now" is civic-diary's clock, read by each run, so a test's settable clock decides what is old.
 */
final class ScheduledHousekeeping implements Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledHousekeeping.class);
  /** The first run comes soon after start, so a server restarted often still runs it. */
  private static final Duration FIRST_RUN_AT_MOST = Duration.ofMinutes(1);
  /** How long stopping waits for a run under way. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private final Housekeeping housekeeping;
  private ScheduledExecutorService scheduler;

  ScheduledHousekeeping(Housekeeping housekeeping) {
    this.housekeeping = housekeeping;
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
    scheduler = daemon("civic-diary-housekeeping");
    Duration interval = housekeeping.periods().interval();
    Duration first = interval.compareTo(FIRST_RUN_AT_MOST) < 0 ? interval : FIRST_RUN_AT_MOST;
    scheduler.scheduleWithFixedDelay(this::runOnce, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A scheduler on one daemon thread of this name (a host's shutdown never waits for it). */
  static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** One run, logged; a failure is logged and the next run comes as planned. */
  void runOnce() {
    try {
      HousekeepingRun run = housekeeping.run();
      if (run.changedAnything()) {
        LOG.info("housekeeping: {}", run.done());
      }
      run.failed().forEach((task, e) -> LOG.warn("housekeeping: {} failed; it is tried again at the next run", task, e));
    } catch (RuntimeException e) {
      LOG.warn("housekeeping failed; it is tried again at the next run", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("housekeeping did not finish its run within {}; interrupted", STOP_GRACE);
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }
}
