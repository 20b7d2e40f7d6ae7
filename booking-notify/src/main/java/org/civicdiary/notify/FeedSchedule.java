/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.OfficialId;

/**
 * When each busy feed is next due, from what its last poll left in storage, so that every node
 * and every restart agree without a schedule of their own. Each official has a fixed place in the
 * poll interval (a hash of their id), so in steady state the feeds come due one after another
 * across the interval instead of all at once. A feed never polled is due at once; after a failure
 * it is due after a growing wait (the poll interval, doubled per further failure up to an hour or
 * the interval if longer), jittered by the same hash so that feeds failed together (one calendar
 * server down) do not come back together.
 */
final class FeedSchedule {
  private static final Duration LONGEST_RETRY = Duration.ofHours(1);
  private final Duration interval;
  private final Backoff backoff;

  FeedSchedule(Duration interval) {
    this.interval = interval;
    Duration longest = interval.compareTo(LONGEST_RETRY) > 0 ? interval : LONGEST_RETRY;
    this.backoff = new Backoff(interval, longest, java.util.random.RandomGenerator.getDefault());
  }

  /** The official's place in every interval: from its start, in [0, interval). */
  Duration offset(OfficialId official) {
    return Duration.ofMillis((long) (fraction(official) * interval.toMillis()));
  }

  /**
   * When the feed is next due.
   *
   * @param failures how many polls in a row failed, as this node counted them; at least one is
   *     assumed when the stored feed shows a failure this node did not see
   */
  Instant due(BusyFeed feed, int failures) {
    if (feed.polledAt() == null) {
      return Instant.MIN;
    }
    if (feed.failure() != null) {
      return feed.polledAt().plus(backoff.within(Math.max(1, failures), fraction(feed.official())));
    }
    // The first place of this feed at least half an interval after its last poll: exactly one
    // interval in steady state, and after a catch-up poll the feed moves to its place.
    long step = interval.toMillis();
    long earliest = feed.polledAt().toEpochMilli() + step / 2;
    long place = offset(feed.official()).toMillis();
    long k = Math.floorDiv(earliest - place + step - 1, step);
    return Instant.ofEpochMilli(place + k * step);
  }

  /** A fixed, evenly spread number in [0, 1) for the official (SplitMix64's finaliser of the id's hash). */
  private static double fraction(OfficialId official) {
    long z = official.value().hashCode() * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }
}
