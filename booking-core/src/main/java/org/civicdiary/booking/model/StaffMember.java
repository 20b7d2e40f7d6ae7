/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import org.civicdiary.booking.error.InvalidInput;

/**
 * An authenticated member of staff acting through the console or staff API.
 *
 * @param official for the OFFICIAL role, whose diary they are; null otherwise
 * @param mustChangePassword whether they signed in with a password they must change before anything
 *     else (the web layer then refuses every other staff request)
 * @param office the office whose data they work with; null for an administrator of the whole
 *     deployment, who may act in every office (and for a member whose sign-on names none)
 */
public record StaffMember(String username, Role role, OfficialId official, boolean mustChangePassword,
    OfficeId office) {
  public StaffMember(String username, Role role, OfficialId official) {
    this(username, role, official, false);
  }

  /** A member not bound to one office. */
  public StaffMember(String username, Role role, OfficialId official, boolean mustChangePassword) {
    this(username, role, official, mustChangePassword, null);
  }

  public StaffMember {
    username = Check.line("username", username, 100);
    Check.present("role", role);
    if (role == Role.OFFICIAL && official == null) {
      throw new InvalidInput("official", "is required for the OFFICIAL role");
    }
  }

  /** Whether they may see and change this office's data: their own office, or any when bound to none. */
  public boolean mayActIn(OfficeId other) {
    return office == null || office.equals(other);
  }

  /** Whether they administer the whole deployment: create offices, keep API keys and webhooks. */
  public boolean administersDeployment() {
    return role == Role.ADMIN && office == null;
  }

  /** Whether they may work with this official's diary and reservations (the reception may not). */
  public boolean mayManage(OfficialId diary) {
    return role.worksEveryDiary() || role == Role.OFFICIAL && official.equals(diary);
  }
}
