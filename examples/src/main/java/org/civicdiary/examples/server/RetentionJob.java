/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping once an hour: anonymises reservations past the retention period and removes
 * expired idempotency answers and staff sessions. Hourly (not daily) so that a server restarted
 * often still runs it; each run is cheap when there is nothing to do.
 */
final class RetentionJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private final CivicDiary diary;
  private final Storage storage;
  private final Clock clock;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "civic-diary-retention");
    t.setDaemon(true);
    return t;
  });

  RetentionJob(CivicDiary diary, Storage storage, Clock clock) {
    this.diary = diary;
    this.storage = storage;
    this.clock = clock;
  }

  void start() {
    scheduler.scheduleWithFixedDelay(this::runOnce, 1, 60, TimeUnit.MINUTES);
  }

  void runOnce() {
    try {
      int anonymised = diary.anonymising().run();
      int answers = storage.transactions().inTransaction(() -> storage.idempotencyKeys().removeExpired(clock.instant()));
      int sessions = storage.transactions().inTransaction(() -> storage.staffAccounts().removeExpiredSessions(clock.instant()));
      if (anonymised + answers + sessions > 0) {
        LOG.info("retention: anonymised {} reservations, removed {} idempotency answers and {} sessions",
            anonymised, answers, sessions);
      }
    } catch (RuntimeException e) {
      LOG.warn("retention run failed; it runs again in an hour", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
