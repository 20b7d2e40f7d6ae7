/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A staff member's sign-in with user name and password.
 *
 * @param from where the attempt came from (a client address), for the audit log and, shortened,
 *     the list of sessions; may be null
 * @param userAgent the browser's {@code User-Agent}, for the list of sessions; may be null
 * @param sessionLength the session's absolute lifetime
 * @param idleTimeout how long the session stays open unused; at most {@code sessionLength}
 */
public record SignIn(String username, String password, String from, String userAgent, Duration sessionLength,
    Duration idleTimeout) {
  public SignIn {
    if (username == null) {
      throw new InvalidInput("username", "is required");
    }
    username = username.strip();
    if (password == null) {
      throw new InvalidInput("password", "is required");
    }
    if (sessionLength == null || sessionLength.isNegative() || sessionLength.isZero()) {
      throw new InvalidInput("sessionLength", "must be positive");
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new InvalidInput("idleTimeout", "must be positive");
    }
    if (idleTimeout.compareTo(sessionLength) > 0) {
      idleTimeout = sessionLength;
    }
  }

  /** A sign-in whose session is never idle for too long before its lifetime ends. */
  public SignIn(String username, String password, String from, Duration sessionLength) {
    this(username, password, from, null, sessionLength, sessionLength);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "SignIn[" + username + ", from=" + from + ", sessionLength=" + sessionLength + ", idleTimeout="
        + idleTimeout + "]";
  }
}
