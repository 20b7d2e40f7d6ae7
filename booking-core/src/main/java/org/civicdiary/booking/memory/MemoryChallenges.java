/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.port.Challenges;

final class MemoryChallenges implements Challenges {
  private final MemoryTransactions tx;
  private final Map<String, Instant> spent = new HashMap<>();
  private String signingKey;

  MemoryChallenges(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public boolean spend(String challenge, Instant expiresAt) {
    return tx.locked(() -> {
      if (spent.containsKey(challenge)) {
        return false;
      }
      tx.put(spent, challenge, expiresAt);
      return true;
    });
  }

  @Override
  public int removeExpired(Instant now) {
    return tx.locked(() -> {
      List<String> expired = spent.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
          .map(Map.Entry::getKey).toList();
      expired.forEach(key -> tx.remove(spent, key));
      return expired.size();
    });
  }

  @Override
  public String signingKey(String candidate) {
    return tx.locked(() -> {
      if (signingKey == null) {
        signingKey = candidate;
      }
      return signingKey;
    });
  }
}
