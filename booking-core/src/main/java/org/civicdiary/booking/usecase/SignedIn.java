/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.Objects;
import org.civicdiary.booking.model.StaffMember;

/**
 * A successful sign-in: who, and the session's secret token (handed to the client once; only its
 * hash is stored).
 *
 * @param secondStep whether the password was right but the account has a second factor: then no
 *     session is open yet, and {@code token} (until {@code expiresAt}, a few minutes) is good only
 *     for {@link SigningIn#secondStep} with a code from the authenticator app or a recovery code
 */
public record SignedIn(StaffMember member, String token, Instant expiresAt, boolean secondStep) {
  /** A session opened. */
  public SignedIn(StaffMember member, String token, Instant expiresAt) {
    this(member, token, expiresAt, false);
  }

  public SignedIn {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "SignedIn[" + member + ", expiresAt=" + expiresAt + ", secondStep=" + secondStep + "]";
  }
}
