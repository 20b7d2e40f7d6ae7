/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RefusedOriginsTest {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Test
  void eachRefusedOriginIsLoggedOnceNamingTheKey() {
    RefusedOrigins refused = new RefusedOrigins(100, lines::add);
    for (int i = 0; i < 5; i++) {
      refused.refused("https://portal.example");
      refused.refused("http://localhost:9091");
    }
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("https://portal.example", "civicdiary.web.cors-origins");
    assertThat(lines.get(1)).contains("http://localhost:9091");
  }

  @Test
  void memoryIsBoundedAndTheCutIsSaidOnce() {
    RefusedOrigins refused = new RefusedOrigins(3, lines::add);
    for (int i = 0; i < 50; i++) {
      refused.refused("https://p" + i + ".example");
    }
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3)).contains("more than 3");
  }

  @Test
  void anOriginCannotWriteLinesIntoTheLog() {
    new RefusedOrigins(10, lines::add).refused("https://evil.example\n2026-11-28 INFO forged" + "x".repeat(500));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).doesNotContain("\n").hasSizeLessThan(450);
  }
}
