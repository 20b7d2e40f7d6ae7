/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.web.RateLimit;
import org.junit.jupiter.api.Test;

/** The shared limits' keys, and what a store that fails leaves: each node's own buckets, no lock-out. */
class SharedThrottlesTest {
  private static final RateLimit THREE_AN_HOUR = new RateLimit(3, Duration.ofHours(1));

  @Test
  void aBucketsIdDependsOnTheLimitAndTheAddressButHoldsNeither() {
    long queries = SharedThrottles.id("queries", "192.0.2.1");
    assertThat(SharedThrottles.id("queries", "192.0.2.1")).isEqualTo(queries);
    assertThat(SharedThrottles.id("bookings", "192.0.2.1")).isNotEqualTo(queries);
    assertThat(SharedThrottles.id("queries", "192.0.2.2")).isNotEqualTo(queries);
    assertThat(SharedThrottles.id("queries1", "92.0.2.1")).as("the name and the key are kept apart")
        .isNotEqualTo(queries);
  }

  @Test
  void aFailingStoreFallsBackToThisNodesBucketsAndIsLeftAloneForAWhile() {
    AtomicInteger asked = new AtomicInteger();
    @SuppressWarnings("unchecked")
    ProxyManager<Long> down = (ProxyManager<Long>) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ProxyManager.class}, (proxy, method, args) -> {
          asked.incrementAndGet();
          throw new IllegalStateException("connection refused");
        });
    SharedThrottles shared = new SharedThrottles(down);
    assertThat(shared.state()).isEqualTo("SHARED");
    TokenBuckets queries = shared.throttle("queries", THREE_AN_HOUR);
    for (int i = 0; i < 3; i++) {
      assertThat(queries.take("192.0.2.1")).as("allowed").isZero();
    }
    assertThat(queries.take("192.0.2.1")).as("the node's own limit still holds").isPositive();
    assertThat(queries.take("192.0.2.2")).as("another address has its own bucket").isZero();
    assertThat(shared.state()).isEqualTo("PER_NODE_FALLBACK");
    assertThat(asked.get()).as("asked once, then left alone for the pause").isOne();
  }
}
