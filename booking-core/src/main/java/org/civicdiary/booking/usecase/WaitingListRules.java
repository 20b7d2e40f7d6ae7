/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * The waiting list's settings: the {@code civicdiary.waiting-list.*} keys (see booking-core's
 * CONFIGURATION.md).
 *
 * @param hold how long an offered time is held for the entry before the next one is offered it
 * @param maxEntriesPerEmail how many live entries one e-mail address may have (they count with its
 *     open reservations against the office's {@code maxOpenPerEmail} too)
 * @param confirmWithin how long a web entry waits for its e-mail address to be confirmed
 * @param matchEvery how often the matcher looks for freed time and lapsed offers
 */
public record WaitingListRules(Duration hold, int maxEntriesPerEmail, Duration confirmWithin, Duration matchEvery) {
  public static final String HOLD = "civicdiary.waiting-list.hold";
  public static final String MAX_ENTRIES_PER_EMAIL = "civicdiary.waiting-list.max-entries-per-email";
  public static final String CONFIRM_WITHIN = "civicdiary.waiting-list.confirm-within";
  public static final String MATCH_EVERY = "civicdiary.waiting-list.match-every";
  public static final WaitingListRules DEFAULT =
      new WaitingListRules(Duration.ofMinutes(30), 3, Duration.ofDays(2), Duration.ofSeconds(1));

  public WaitingListRules {
    HousekeepingPeriods.within(HOLD, hold, Duration.ofMinutes(1), Duration.ofDays(2));
    if (maxEntriesPerEmail < 1 || maxEntriesPerEmail > 100) {
      throw new InvalidSetting(MAX_ENTRIES_PER_EMAIL + " (" + Settings.variable(MAX_ENTRIES_PER_EMAIL) + ") is "
          + maxEntriesPerEmail + " but must be from 1 to 100");
    }
    HousekeepingPeriods.within(CONFIRM_WITHIN, confirmWithin, Duration.ofMinutes(10), Duration.ofDays(30));
    HousekeepingPeriods.within(MATCH_EVERY, matchEvery, Duration.ofMillis(50), Duration.ofMinutes(10));
  }

  /**
   * Reads and checks the {@code civicdiary.waiting-list.*} keys.
   *
   * @throws InvalidSetting naming the key whose value is wrong
   */
  public static WaitingListRules from(Settings settings) {
    return new WaitingListRules(
        settings.duration(HOLD, DEFAULT.hold()),
        settings.integer(MAX_ENTRIES_PER_EMAIL, DEFAULT.maxEntriesPerEmail(), 1, 100),
        settings.duration(CONFIRM_WITHIN, DEFAULT.confirmWithin()),
        settings.duration(MATCH_EVERY, DEFAULT.matchEvery()));
  }
}
