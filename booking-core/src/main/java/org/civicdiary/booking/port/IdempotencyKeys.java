/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;
import java.util.Optional;
import org.civicdiary.booking.model.StoredResponse;

/** First answers to requests made with an idempotency key, until they expire. */
public interface IdempotencyKeys {
  /** The unexpired answer stored under this key. */
  Optional<StoredResponse> find(String key, Instant now);

  /**
   * Stores the answer, in the unit of work of the request it answers.
   *
   * @throws org.civicdiary.booking.error.ConcurrentChange if an unexpired answer is already stored
   *     under the key (a concurrent request with the same key won)
   */
  void save(StoredResponse response, Instant now);

  /** @return how many expired answers were removed */
  int removeExpired(Instant now);
}
