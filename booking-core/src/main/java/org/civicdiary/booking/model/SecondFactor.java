/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * A staff member's authenticator app (TOTP, RFC 6238): the shared secret, stored as it is because
 * the server computes the same codes from it. A copy of the database therefore holds it: the
 * second factor guards against a guessed or phished password, not against a stolen database.
 *
 * @param secret base32, as the app was given it
 * @param active false while enrolment waits for the first good code; only an active one is asked
 *     for at sign-in
 * @param lastStep the time step of the last code accepted (a code is good once), or -1
 * @param since when enrolment started
 */
public record SecondFactor(String username, String secret, boolean active, long lastStep, Instant since) {
  public SecondFactor {
    username = Check.line("username", username, 100);
    Check.present("secret", secret);
    Check.present("since", since);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "SecondFactor[" + username + ", active=" + active + ", lastStep=" + lastStep + "]";
  }
}
