/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.model.StoredResponse;
import org.civicdiary.booking.port.IdempotencyKeys;

final class MemoryIdempotencyKeys implements IdempotencyKeys {
  private final MemoryTransactions tx;
  private final Map<String, StoredResponse> responses = new HashMap<>();

  MemoryIdempotencyKeys(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<StoredResponse> find(String key, Instant now) {
    return tx.locked(() -> Optional.ofNullable(responses.get(key)).filter(r -> r.expiresAt().isAfter(now)));
  }

  @Override
  public void save(StoredResponse response, Instant now) {
    tx.locked(() -> {
      StoredResponse existing = responses.get(response.key());
      if (existing != null && existing.expiresAt().isAfter(now)) {
        throw new ConcurrentChange("idempotency key", response.key());
      }
      tx.put(responses, response.key(), response);
    });
  }

  @Override
  public int removeExpired(Instant now) {
    return tx.locked(() -> {
      List<String> expired = responses.values().stream()
          .filter(r -> !r.expiresAt().isAfter(now)).map(StoredResponse::key).toList();
      expired.forEach(key -> tx.remove(responses, key));
      return expired.size();
    });
  }
}
