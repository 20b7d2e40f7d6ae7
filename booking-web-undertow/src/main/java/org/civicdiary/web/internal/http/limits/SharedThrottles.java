/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.civicdiary.web.RateLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets that every node keeps in one store (bucket4j's PostgreSQL proxy manager), so that a
 * limit holds in total however many nodes a client's requests reach. A bucket's id is a hash of the
 * limit's name and the client's key, so the store never holds an address.
 *
 * <p>A store that fails must not lock citizens out: the request is counted in this node's own bucket
 * instead (the limit then holds per node, as without sharing), the first failure is logged, the
 * store is left alone for {@link #PAUSE_NANOS} so that each request does not wait for a dead
 * database, and {@code /health/ready} says {@code PER_NODE_FALLBACK} until it answers again.
 */
public final class SharedThrottles {
  /** How long a failed store is left alone before the next request tries it again. */
  static final long PAUSE_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long SWEEP_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final int SWEEP_ROWS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(SharedThrottles.class);
  private final ProxyManager<Long> store;
  private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_NANOS);
  private volatile boolean failing;
  private volatile long retryAt;

  public SharedThrottles(ProxyManager<Long> store) {
    this.store = store;
  }

  /** The limit {@code name} counted in the store, and in this node's own buckets while the store fails. */
  public TokenBuckets throttle(String name, RateLimit limit) {
    BucketConfiguration config = BucketConfiguration.builder()
        .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
        .build();
    Throttle fallback = new Throttle(limit);
    return key -> take(name, key, config, fallback);
  }

  /** {@code SHARED}, or {@code PER_NODE_FALLBACK} while the store fails. */
  public String state() {
    return failing ? "PER_NODE_FALLBACK" : "SHARED";
  }

  private long take(String name, String key, BucketConfiguration config, Throttle fallback) {
    if (failing && System.nanoTime() - retryAt < 0) {
      return fallback.take(key);
    }
    ConsumptionProbe probe;
    try {
      probe = store.getProxy(id(name, key), () -> config).tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      retryAt = System.nanoTime() + PAUSE_NANOS;
      if (!failing) {
        failing = true;
        LOG.warn("shared rate limits: the store does not answer ({}); each node counts on its own until it does", e.toString());
      }
      return fallback.take(key);
    }
    if (failing) {
      failing = false;
      LOG.info("shared rate limits: the store answers again; the limits hold across nodes again");
    }
    sweepNowAndThen();
    return probe.isConsumed() ? 0 : Throttle.seconds(probe.getNanosToWaitForRefill());
  }

  /** Removes buckets that have refilled, once a minute and off the request (they are as good as none). */
  private void sweepNowAndThen() {
    long due = nextSweep.get();
    if (System.nanoTime() - due < 0 || !nextSweep.compareAndSet(due, System.nanoTime() + SWEEP_NANOS)
        || !(store instanceof ExpiredEntriesCleaner cleaner)) {
      return;
    }
    ForkJoinPool.commonPool().execute(() -> {
      try {
        cleaner.removeExpired(SWEEP_ROWS);
      } catch (RuntimeException e) {
        LOG.debug("shared rate limits: removing refilled buckets failed; the next sweep tries again", e);
      }
    });
  }

  /** The first 64 bits of SHA-256 over the limit's name and the key. */
  static long id(String name, String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return ByteBuffer.wrap(sha.digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
