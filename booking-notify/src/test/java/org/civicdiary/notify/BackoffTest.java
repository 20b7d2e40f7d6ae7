/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new Random(1));

  @Test
  void doublesUpToTheLongestWait() {
    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(480));
    assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void jitterStaysInTheUpperHalfAndVaries() {
    java.util.Set<Duration> seen = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      Duration wait = backoff.after(3);
      assertThat(wait).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
      seen.add(wait);
    }
    assertThat(seen).hasSizeGreaterThan(50);
  }
}
