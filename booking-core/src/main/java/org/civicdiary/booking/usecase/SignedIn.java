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
 */
public record SignedIn(StaffMember member, String token, Instant expiresAt) {
  public SignedIn {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "SignedIn[" + member + ", expiresAt=" + expiresAt + "]";
  }
}
