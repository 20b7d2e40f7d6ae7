/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.civicdiary.booking.port.Chore;

/**
 * The housekeeping every deployment runs: anonymises reservations past their office's retention
 * period, removes expired staff sessions, idempotency answers and spent challenges, sent outbox messages and audit
 * entries older than their {@link HousekeepingPeriods}, then runs the adapters' {@link Chore}s.
 * Each task runs in its own unit of work, so that one failing (a locked table, a full disk) does
 * not hold back the others; every task is idempotent and safe on several nodes at once.
 *
 * <p>It does not schedule itself: call {@link #run()} from your scheduler, or start the service of
 * the Guice integration, which runs it every {@link HousekeepingPeriods#interval()}.
 */
public final class Housekeeping {
  private final Context context;
  private final Anonymising anonymising;
  private final HousekeepingPeriods periods;
  private final List<Chore> chores;

  Housekeeping(Context context, Anonymising anonymising, HousekeepingPeriods periods, List<Chore> chores) {
    this.context = context;
    this.anonymising = anonymising;
    this.periods = periods;
    this.chores = List.copyOf(chores);
  }

  public HousekeepingPeriods periods() {
    return periods;
  }

  /** Runs every task once, with the clock's instant as "now". */
  public HousekeepingRun run() {
    Instant now = context.now();
    var storage = context.storage;
    Map<String, Integer> done = new LinkedHashMap<>();
    Map<String, RuntimeException> failed = new LinkedHashMap<>();
    task(HousekeepingRun.ANONYMISED_RESERVATIONS, anonymising::run, done, failed);
    task(HousekeepingRun.EXPIRED_SESSIONS, inTransaction(() -> storage.staffAccounts().removeExpiredSessions(now)),
        done, failed);
    task(HousekeepingRun.EXPIRED_IDEMPOTENCY_ANSWERS,
        inTransaction(() -> storage.idempotencyKeys().removeExpired(now)), done, failed);
    task(HousekeepingRun.SPENT_CHALLENGES, inTransaction(() -> storage.challenges().removeExpired(now)), done, failed);
    task(HousekeepingRun.SENT_MESSAGES,
        inTransaction(() -> storage.outbox().removeSentBefore(now.minus(periods.sentMessages()))), done, failed);
    task(HousekeepingRun.AUDIT_ENTRIES,
        inTransaction(() -> storage.auditLog().removeBefore(now.minus(periods.auditEntries()))), done, failed);
    for (Chore chore : chores) {
      task(chore.name(), () -> chore.run(now), done, failed);
    }
    return new HousekeepingRun(now, done, failed);
  }

  private IntSupplier inTransaction(IntSupplier work) {
    return () -> context.storage.transactions().inTransaction(work::getAsInt);
  }

  private static void task(String name, IntSupplier work, Map<String, Integer> done,
      Map<String, RuntimeException> failed) {
    try {
      done.put(name, work.getAsInt());
    } catch (RuntimeException e) {
      failed.put(name, e);
    }
  }
}
