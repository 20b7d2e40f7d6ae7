/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before the next attempt: doubling from the initial wait up to the longest, with jitter
 * (a random point in the upper half), so that messages failed together do not all come back in
 * the same instant when the server returns.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The wait after the given failed attempt (1 for the first). */
  Duration after(int attempt) {
    long ceiling = ceiling(attempt).toMillis();
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }

  /**
   * The wait after the given failed attempt at a chosen point of the jitter (0 the lower end, 1 the
   * upper): for callers that need the same wait each time they ask.
   */
  Duration within(int attempt, double point) {
    long ceiling = ceiling(attempt).toMillis();
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) ((ceiling - half) * point));
  }

  /** The longest wait after the given attempt, before jitter. */
  Duration ceiling(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 40));
    long millis = initial.toMillis();
    for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
