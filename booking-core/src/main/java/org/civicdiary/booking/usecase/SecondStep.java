/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import org.civicdiary.booking.error.InvalidInput;

/**
 * The second step of a sign-in to an account with a second factor: the token the password step
 * answered, and a code from the authenticator app or one of the recovery codes.
 *
 * @param username the name the password step was for (the token must be that sign-in's)
 * @param from where the attempt came from, for the audit log; may be null
 * @param userAgent the browser's {@code User-Agent}, for the list of sessions; may be null
 * @param sessionLength the session's absolute lifetime
 * @param idleTimeout how long the session stays open unused; at most {@code sessionLength}
 */
public record SecondStep(String username, String token, String code, String from, String userAgent,
    Duration sessionLength, Duration idleTimeout) {
  public SecondStep {
    if (username == null) {
      throw new InvalidInput("username", "is required");
    }
    username = username.strip();
    if (token == null || token.isBlank()) {
      throw new InvalidInput("token", "is required");
    }
    if (code == null || code.isBlank()) {
      throw new InvalidInput("code", "is required");
    }
    if (code.length() > 64) {
      throw new InvalidInput("code", "at most 64 characters");
    }
    SignIn checked = new SignIn(username, "", from, userAgent, sessionLength, idleTimeout);
    idleTimeout = checked.idleTimeout();
  }

  /** The session settings of the password step that came first. */
  SignIn signIn() {
    return new SignIn(username, "", from, userAgent, sessionLength, idleTimeout);
  }

  /** Never prints the token or the code. */
  @Override
  public String toString() {
    return "SecondStep[" + username + ", from=" + from + "]";
  }
}
