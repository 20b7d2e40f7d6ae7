/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Free typos, then waits that double up to the ceiling; one check at a time per key. */
class LoginDelaysTest {
  private final AtomicLong now = new AtomicLong(123_456_789L);
  private final LoginDelays delays = new LoginDelays(2, Duration.ofSeconds(10), Duration.ofSeconds(60), now::get);

  private void fail(String key) {
    assertThat(delays.start(key)).isZero();
    delays.failed(key);
  }

  private void advance(long seconds) {
    now.addAndGet(Duration.ofSeconds(seconds).toNanos());
  }

  @Test
  void theFirstFailuresAreFreeThenEachWaitDoublesUpToTheCeiling() {
    fail("admin\n1");
    fail("admin\n1");
    fail("admin\n1");
    assertThat(delays.start("admin\n1")).isEqualTo(10);
    advance(10);
    fail("admin\n1");
    assertThat(delays.start("admin\n1")).isEqualTo(20);
    advance(20);
    fail("admin\n1");
    assertThat(delays.start("admin\n1")).isEqualTo(40);
    advance(40);
    fail("admin\n1");
    assertThat(delays.start("admin\n1")).as("the ceiling").isEqualTo(60);
    assertThat(delays.start("admin\n2")).as("another address").isZero();
  }

  @Test
  void aSuccessForgetsTheFailuresAndOnlyOneCheckRunsAtATime() {
    fail("k");
    assertThat(delays.start("k")).isZero();
    assertThat(delays.start("k")).as("while the first is being checked").isEqualTo(1);
    delays.succeeded("k");
    fail("k");
    fail("k");
    assertThat(delays.start("k")).as("two free failures again").isZero();
    delays.abandoned("k");
    assertThat(delays.start("k")).as("an abandoned check is not counted").isZero();
  }
}
