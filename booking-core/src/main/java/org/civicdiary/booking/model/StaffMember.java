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
 */
public record StaffMember(String username, Role role, OfficialId official) {
  public StaffMember {
    username = Check.line("username", username, 100);
    Check.present("role", role);
    if (role == Role.OFFICIAL && official == null) {
      throw new InvalidInput("official", "is required for the OFFICIAL role");
    }
  }

  /** Whether they may work with this official's diary and reservations. */
  public boolean mayManage(OfficialId diary) {
    return role != Role.OFFICIAL || official.equals(diary);
  }
}
