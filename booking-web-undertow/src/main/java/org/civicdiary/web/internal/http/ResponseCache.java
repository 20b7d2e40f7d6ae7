/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Serialized answers of the public read endpoints (directory, free time) for a few seconds: the
 * widget asks the same questions many times a second, and a department's eight weeks cost the
 * storage real work. Bookings and citizens' own changes do not empty it (at hundreds of bookings a
 * second it would never hold anything): they show within the time to live, and a slot shown free a
 * moment too long is harmless, booking it answers 409. Staff changes to diaries and configuration
 * (absences, schedules, the directory) are rare and empty it at once on this node.
 */
public final class ResponseCache {
  private final Cache<String, byte[]> answers;

  public ResponseCache(Duration ttl) {
    this.answers = ttl.isZero() || ttl.isNegative() ? null
        : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(20_000).build();
  }

  public byte[] get(String key, Supplier<byte[]> compute) {
    return answers == null ? compute.get() : answers.get(key, k -> compute.get());
  }

  public void invalidate() {
    if (answers != null) {
      answers.invalidateAll();
    }
  }
}
