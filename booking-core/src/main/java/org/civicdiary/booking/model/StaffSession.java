/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A logged-in staff member's session. Stored by the hash of its secret (the cookie or bearer
 * token), so that web nodes sharing a database share sessions and a leaked table opens nothing.
 * It ends at whichever comes first: {@code idleUntil} (moved on as it is used) or {@code expiresAt}
 * (fixed at sign-in: the absolute lifetime).
 *
 * @param id a random public name of the session, so its owner can end it without its secret
 * @param client where it was opened from, shortened (an IPv4 /24, an IPv6 /48), or null
 * @param userAgent the browser that opened it, cut to {@value #USER_AGENT_LENGTH} characters, or null
 */
public record StaffSession(String id, String tokenHash, String username, Instant createdAt, Instant lastSeenAt,
    Instant idleUntil, Instant expiresAt, String client, String userAgent) {
  public static final int USER_AGENT_LENGTH = 200;

  public StaffSession {
    Check.present("id", id);
    Check.present("tokenHash", tokenHash);
    username = Check.line("username", username, 100);
    Check.present("createdAt", createdAt);
    Check.present("lastSeenAt", lastSeenAt);
    Check.present("idleUntil", idleUntil);
    Check.present("expiresAt", expiresAt);
    if (idleUntil.isBefore(lastSeenAt) || idleUntil.isAfter(expiresAt)) {
      throw new InvalidInput("idleUntil", "must lie between lastSeenAt and expiresAt");
    }
    client = client == null || client.isBlank() ? null : client.strip();
    if (client != null && client.length() > 64) {
      throw new InvalidInput("client", "at most 64 characters");
    }
    userAgent = userAgent == null || userAgent.isBlank() ? null : printable(userAgent);
  }

  /** Whether it still opens: neither idle too long nor past its lifetime. */
  public boolean openAt(Instant now) {
    return now.isBefore(idleUntil) && now.isBefore(expiresAt);
  }

  /**
   * The session used at {@code now}: the idle limit moves on by the same idle timeout it was
   * opened with (the time from last use to the idle limit), never past the lifetime.
   */
  public StaffSession usedAt(Instant now, Duration idleTimeout) {
    Instant idle = now.plus(idleTimeout);
    return new StaffSession(id, tokenHash, username, createdAt, now, idle.isAfter(expiresAt) ? expiresAt : idle,
        expiresAt, client, userAgent);
  }

  private static String printable(String text) {
    String clean = text.strip().replaceAll("\\p{Cntrl}", " ");
    return clean.length() <= USER_AGENT_LENGTH ? clean : clean.substring(0, USER_AGENT_LENGTH);
  }
}
