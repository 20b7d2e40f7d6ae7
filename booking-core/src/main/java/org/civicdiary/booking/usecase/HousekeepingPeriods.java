/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * How often housekeeping runs and how long it keeps what it removes: the {@code
 * civicdiary.housekeeping.*} keys (see booking-core's CONFIGURATION.md). Personal data in
 * reservations follows each office's {@code retentionDays}, and sessions and idempotency answers
 * their own expiry; these periods cover the rest.
 *
 * @param interval the wait between two runs
 * @param sentMessages how long a sent outbox message is kept (for questions such as "was the
 *     confirmation sent?")
 * @param auditEntries how long a staff action stays in the audit log
 */
public record HousekeepingPeriods(Duration interval, Duration sentMessages, Duration auditEntries) {
  public static final String INTERVAL = "civicdiary.housekeeping.interval";
  public static final String SENT_MESSAGES = "civicdiary.housekeeping.sent-messages-after";
  public static final String AUDIT_ENTRIES = "civicdiary.housekeeping.audit-entries-after";
  /** Hourly, so that a server restarted often still runs it; a run with nothing to do is cheap. */
  public static final HousekeepingPeriods DEFAULT =
      new HousekeepingPeriods(Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(730));

  public HousekeepingPeriods {
    within(INTERVAL, interval, Duration.ofSeconds(1), Duration.ofDays(1));
    within(SENT_MESSAGES, sentMessages, Duration.ofHours(1), Duration.ofDays(3650));
    within(AUDIT_ENTRIES, auditEntries, Duration.ofDays(1), Duration.ofDays(3650));
  }

  /**
   * Reads and checks the {@code civicdiary.housekeeping.*} keys.
   *
   * @throws InvalidSetting naming the key whose value is wrong
   */
  public static HousekeepingPeriods from(Settings settings) {
    return new HousekeepingPeriods(
        settings.duration(INTERVAL, DEFAULT.interval()),
        settings.duration(SENT_MESSAGES, DEFAULT.sentMessages()),
        settings.duration(AUDIT_ENTRIES, DEFAULT.auditEntries()));
  }

  /**
   * Checks a period of this family (adapters reading their own {@code civicdiary.housekeeping.*}
   * key use it too, so that every such key fails alike).
   *
   * @throws InvalidSetting naming the key when the value is missing or outside {@code [min, max]}
   */
  public static Duration within(String key, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidSetting(key + " (" + Settings.variable(key) + ") is " + value + " but must be from "
          + min + " to " + max);
    }
    return value;
  }
}
