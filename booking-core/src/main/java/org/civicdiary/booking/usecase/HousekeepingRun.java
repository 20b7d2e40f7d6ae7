/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What one housekeeping run did.
 *
 * @param at the clock's instant the run used as "now"
 * @param done how many things each task removed or anonymised, by task name, in the order run
 * @param failed the tasks that failed, with their error; the others ran regardless
 */
public record HousekeepingRun(Instant at, Map<String, Integer> done, Map<String, RuntimeException> failed) {
  public static final String ANONYMISED_RESERVATIONS = "anonymised-reservations";
  public static final String EXPIRED_SESSIONS = "expired-sessions";
  public static final String EXPIRED_IDEMPOTENCY_ANSWERS = "expired-idempotency-answers";
  public static final String SPENT_CHALLENGES = "spent-challenges";
  public static final String SENT_MESSAGES = "sent-messages";
  public static final String AUDIT_ENTRIES = "audit-entries";

  public HousekeepingRun {
    Objects.requireNonNull(at, "at");
    done = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(done));
    failed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failed));
  }

  /** How many things the task removed; 0 if it did nothing or failed. */
  public int count(String task) {
    return done.getOrDefault(task, 0);
  }

  /** Whether anything was removed or anonymised at all. */
  public boolean changedAnything() {
    return done.values().stream().anyMatch(n -> n > 0);
  }
}
