/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.model.BookingPolicy;

/**
 * The retention job: removes citizens' personal data (name, e-mail, phone, topic) a configured
 * number of days after their meeting, keeping what statistics need (times, agenda, channel, status).
 */
public final class Anonymising {
  private final Context context;

  Anonymising(Context context) {
    this.context = context;
  }

  /**
   * Anonymises every reservation whose meeting ended more than the retention period ago, and every
   * waiting-list entry that ended and whose days ended that long ago; check-ins that old forget who
   * made them (their times stay for statistics, and are not counted in the result). With
   * several offices, the shortest retention period applies to all: privacy wins.
   *
   * @return how many reservations and entries were anonymised
   */
  public int run() {
    int days = context.storage.directory().offices().stream()
        .mapToInt(o -> o.policy().retentionDays())
        .min()
        .orElse(BookingPolicy.DEFAULT.retentionDays());
    Instant now = context.now();
    Instant cutoff = now.minus(Duration.ofDays(days));
    return context.storage.transactions().inTransaction(() -> {
      context.storage.checkIns().forgetCheckedInBefore(cutoff);
      return context.storage.reservations().anonymiseEndedBefore(cutoff, now)
          + context.storage.waitingList().anonymiseEndedBefore(cutoff, now);
    });
  }
}
