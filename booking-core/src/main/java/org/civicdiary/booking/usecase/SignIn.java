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
 * @param from where the attempt came from (a client address), for the audit log; may be null
 * @param sessionLength how long the session it opens lasts
 */
public record SignIn(String username, String password, String from, Duration sessionLength) {
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
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "SignIn[" + username + ", from=" + from + ", sessionLength=" + sessionLength + "]";
  }
}
