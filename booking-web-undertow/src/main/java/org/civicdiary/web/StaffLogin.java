/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.time.Instant;
import java.util.Objects;
import org.civicdiary.booking.model.StaffMember;

/**
 * A successful login: who, and the session's secret (given to the client once, as a cookie or a
 * bearer token; only its hash is stored).
 */
public record StaffLogin(StaffMember member, String token, Instant expiresAt) {
  public StaffLogin {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "StaffLogin[" + member + ", expiresAt=" + expiresAt + "]";
  }
}
