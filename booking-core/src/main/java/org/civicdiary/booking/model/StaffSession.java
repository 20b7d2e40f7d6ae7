/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * A logged-in staff member's session. Stored by the hash of its secret (the cookie or bearer
 * token), so that web nodes sharing a database share sessions and a leaked table opens nothing.
 */
public record StaffSession(String tokenHash, String username, Instant createdAt, Instant expiresAt) {
  public StaffSession {
    Check.present("tokenHash", tokenHash);
    username = Check.line("username", username, 100);
    Check.present("createdAt", createdAt);
    Check.present("expiresAt", expiresAt);
  }
}
