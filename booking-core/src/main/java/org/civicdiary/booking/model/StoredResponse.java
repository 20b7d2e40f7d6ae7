/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * The first answer to a request made with an idempotency key, kept so that a retried request gets
 * the same answer instead of a second booking.
 *
 * @param requestHash a hash of the request body, to tell a retry from a different request
 */
public record StoredResponse(String key, String requestHash, int status, String body, Instant expiresAt) {
  public StoredResponse {
    key = Check.line("Idempotency-Key", key, 200);
    Check.present("requestHash", requestHash);
    Check.present("body", body);
    Check.present("expiresAt", expiresAt);
  }
}
