/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.staff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Failed sign-ins per account and client address, with delays that grow: a few typos are free,
 * then each further failure doubles the wait, up to a ceiling. Keyed by account <em>and</em>
 * address, so that someone guessing from elsewhere cannot lock the owner out of their own account.
 * An attempt is charged before the password is checked and at most one attempt per key is checked
 * at a time: concurrent guesses cannot slip past the count.
 */
final class LoginDelays {
  private static final long NANOS = 1_000_000_000L;
  private final int free;
  private final long first;
  private final long ceiling;
  private final LongSupplier nanoTime;
  private final Cache<String, State> states;

  /** @param free failures without a delay; the next waits {@code first}, then twice as long each time */
  LoginDelays(int free, Duration first, Duration ceiling, LongSupplier nanoTime) {
    this.free = free;
    this.first = first.toNanos();
    this.ceiling = ceiling.toNanos();
    this.nanoTime = nanoTime;
    this.states = Caffeine.newBuilder()
        .maximumSize(200_000)
        .expireAfterAccess(Math.max(ceiling.toNanos() * 4, TimeUnit.HOURS.toNanos(1)), TimeUnit.NANOSECONDS)
        .build();
  }

  /**
   * Starts an attempt: 0 when it may go ahead (the caller must then call {@link #failed} or {@link
   * #succeeded}, or {@link #abandoned} when it could not tell), else the seconds to wait.
   */
  long start(String key) {
    long now = nanoTime.getAsLong();
    long[] wait = {0};
    states.asMap().compute(key, (k, s) -> {
      State state = s == null ? new State(0, now, false) : s;
      if (state.checking) {
        wait[0] = 1;
        return state;
      }
      if (now - state.notBefore < 0) {
        wait[0] = Math.max(1, (state.notBefore - now + NANOS - 1) / NANOS);
        return state;
      }
      return new State(state.failures, state.notBefore, true);
    });
    return wait[0];
  }

  void failed(String key) {
    long now = nanoTime.getAsLong();
    states.asMap().computeIfPresent(key, (k, s) -> {
      int failures = s.failures + 1;
      return new State(failures, now + delay(failures), false);
    });
  }

  void succeeded(String key) {
    states.invalidate(key);
  }

  void abandoned(String key) {
    states.asMap().computeIfPresent(key, (k, s) -> new State(s.failures, s.notBefore, false));
  }

  private long delay(int failures) {
    if (failures <= free) {
      return 0;
    }
    long delay = first;
    for (int i = free + 1; i < failures && delay < ceiling; i++) {
      delay *= 2;
    }
    return Math.min(ceiling, delay);
  }

  private record State(int failures, long notBefore, boolean checking) {}
}
