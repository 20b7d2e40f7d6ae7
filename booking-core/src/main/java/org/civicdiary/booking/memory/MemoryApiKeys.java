/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.model.ApiKey;
import org.civicdiary.booking.port.ApiKeys;

final class MemoryApiKeys implements ApiKeys {
  private final MemoryTransactions tx;
  private final Map<String, ApiKey> keys = new LinkedHashMap<>();

  MemoryApiKeys(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void add(ApiKey key) {
    tx.locked(() -> {
      if (keys.containsKey(key.id()) || keys.values().stream().anyMatch(k -> k.hash().equals(key.hash()))) {
        throw new ConcurrentChange("api key", key.id());
      }
      tx.put(keys, key.id(), key);
    });
  }

  @Override
  public Optional<ApiKey> findByHash(String hash) {
    return tx.locked(() -> keys.values().stream().filter(k -> k.hash().equals(hash)).findFirst());
  }

  @Override
  public Optional<ApiKey> find(String id) {
    return tx.locked(() -> Optional.ofNullable(keys.get(id)));
  }

  @Override
  public List<ApiKey> all() {
    return tx.locked(() -> keys.values().stream()
        .sorted(Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(ApiKey::id)).toList());
  }

  @Override
  public void revoke(String id, Instant at) {
    tx.locked(() -> {
      ApiKey k = keys.get(id);
      if (k != null && !k.revoked()) {
        tx.put(keys, id, new ApiKey(k.id(), k.name(), k.prefix(), k.hash(), k.createdAt(), k.lastUsed(), at));
      }
    });
  }

  @Override
  public void used(String id, Instant at) {
    tx.locked(() -> {
      ApiKey k = keys.get(id);
      if (k != null) {
        tx.put(keys, id, new ApiKey(k.id(), k.name(), k.prefix(), k.hash(), k.createdAt(), at, k.revokedAt()));
      }
    });
  }
}
