/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.Objects;

/**
 * One of a staff member's open sessions, as its owner sees it: never its secret.
 *
 * @param client where it was opened from, shortened; null when unknown
 * @param userAgent the browser that opened it; null when unknown
 * @param endsAt when it ends unless used again (or at its lifetime's end)
 * @param current whether it is the session of the request that asks
 */
public record OpenSession(String id, Instant createdAt, Instant lastSeenAt, Instant endsAt, String client,
    String userAgent, boolean current) {
  public OpenSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    Objects.requireNonNull(endsAt, "endsAt");
  }
}
