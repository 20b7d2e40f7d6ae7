/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.ApiKey;

/** The integrations' API keys, by the hash of the key; revoked keys stay listed. */
public interface ApiKeys {
  /**
   * Adds a new key.
   *
   * @throws org.civicdiary.booking.error.ConcurrentChange if a key with the same id or hash exists
   */
  void add(ApiKey key);

  /** The key, revoked or not, whose hash this is. */
  Optional<ApiKey> findByHash(String hash);

  Optional<ApiKey> find(String id);

  /** Every key, newest first. */
  List<ApiKey> all();

  /** Marks the key revoked at {@code at}; a revoked or unknown key is left as it is. */
  void revoke(String id, Instant at);

  /** Records when it was last used; nothing happens for an unknown key. */
  void used(String id, Instant at);
}
