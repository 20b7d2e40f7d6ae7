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
 */
public record StaffMember(String username, Role role, OfficialId official, boolean mustChangePassword) {
  public StaffMember(String username, Role role, OfficialId official) {
    this(username, role, official, false);
  }

  public StaffMember {
    username = Check.line("username", username, 100);
    Check.present("role", role);
    if (role == Role.OFFICIAL && official == null) {
      throw new InvalidInput("official", "is required for the OFFICIAL role");
    }
  }

  /** Whether they may work with this official's diary and reservations (the reception may not). */
  public boolean mayManage(OfficialId diary) {
    return role.worksEveryDiary() || role == Role.OFFICIAL && official.equals(diary);
  }
}
