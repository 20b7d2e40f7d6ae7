/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;

/**
 * A staff account to create or change.
 *
 * @param official for the OFFICIAL role, whose diary they keep; null for the other roles
 * @param password a new password, or null to keep the present one (a new account needs one)
 * @param office the account's office; null for a deployment administrator, or to let the office
 *     follow from the official, the acting administrator or the deployment's only office
 */
public record AccountChange(String username, Role role, OfficialId official, boolean active, String password,
    OfficeId office) {
  public AccountChange(String username, Role role, OfficialId official, boolean active, String password) {
    this(username, role, official, active, password, null);
  }

  public AccountChange {
    if (username == null || username.isBlank()) {
      throw new InvalidInput("username", "is required");
    }
    username = username.strip();
    if (username.length() > 100) {
      throw new InvalidInput("username", "must be at most 100 characters");
    }
    if (role == null) {
      throw new InvalidInput("role", "is required");
    }
    if (role == Role.OFFICIAL && official == null) {
      throw new InvalidInput("official", "is required for the OFFICIAL role");
    }
    if (role != Role.OFFICIAL && official != null) {
      throw new InvalidInput("official", "is only for the OFFICIAL role");
    }
    if (password != null && (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH)) {
      throw new InvalidInput("password", "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters");
    }
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "AccountChange[" + username + ", role=" + role + ", official=" + official + ", active=" + active
        + (office == null ? "" : ", office=" + office) + (password == null ? "" : ", password set") + "]";
  }
}
