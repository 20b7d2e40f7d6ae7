/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import org.civicdiary.booking.error.InvalidInput;

/**
 * A staff member's login for the built-in authentication (a portal with its own single sign-on
 * need not use these).
 *
 * @param passwordHash a slow salted hash in the authenticator's own encoding; never a password
 * @param official for the OFFICIAL role, whose diary they are; null otherwise
 * @param mustChangePassword whether the next sign-in may do nothing but change the password (the
 *     first administrator, whose password stood in the settings)
 * @param office the office the account belongs to; null only for an administrator of the whole
 *     deployment
 */
public record StaffAccount(String username, String passwordHash, Role role, OfficialId official, boolean active,
    boolean mustChangePassword, OfficeId office) {
  /** An account not bound to one office (a deployment administrator's). */
  public StaffAccount(String username, String passwordHash, Role role, OfficialId official, boolean active,
      boolean mustChangePassword) {
    this(username, passwordHash, role, official, active, mustChangePassword, null);
  }

  /** An account whose password its owner chose. */
  public StaffAccount(String username, String passwordHash, Role role, OfficialId official, boolean active) {
    this(username, passwordHash, role, official, active, false);
  }

  public StaffAccount {
    username = Check.line("username", username, 100);
    Check.present("passwordHash", passwordHash);
    Check.present("role", role);
    if (role == Role.OFFICIAL && official == null) {
      throw new InvalidInput("official", "is required for the OFFICIAL role");
    }
  }

  public StaffMember member() {
    return new StaffMember(username, role, official, mustChangePassword, office);
  }
}
