/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.civicdiary.web.RateLimit;

/**
 * Token buckets by key (a client address, an e-mail address, a user name), one limit for all keys.
 * Buckets idle for two periods are forgotten; they would be full again anyway.
 */
public final class Throttle implements TokenBuckets {
  private static final long NANOS = 1_000_000_000L;
  private final RateLimit limit;
  private final Cache<String, Bucket> buckets;

  public Throttle(RateLimit limit) {
    this.limit = limit;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(500_000)
        .expireAfterAccess(limit.period().multipliedBy(2))
        .build();
  }

  @Override
  public long take(String key) {
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
  }

  /** Gives back a token taken for something that did not happen. */
  public void refund(String key) {
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket != null) {
      bucket.addTokens(1);
    }
  }

  /** Seconds until a token is there without taking one: 0 when there is one now. */
  public long waitFor(String key) {
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket == null) {
      return 0;
    }
    return bucket.getAvailableTokens() > 0 ? 0 : seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
  }

  private Bucket bucket(String key) {
    return buckets.get(key, k -> Bucket.builder()
        .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
        .build());
  }

  static long seconds(long nanos) {
    return Math.max(1, (nanos + NANOS - 1) / NANOS);
  }
}
