/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/**
 * A person whose diary citizens book. An inactive official keeps their history but takes no new
 * bookings.
 *
 * @param room where they receive citizens, e.g. "room 212, 2nd floor"
 * @param email where their own notices go; may be null
 */
public record Official(
    OfficialId id, DepartmentId department, String name, String room, String email, boolean active) {
  public Official {
    Check.present("id", id);
    Check.present("department", department);
    name = Check.line("name", name, 200);
    room = Check.optionalLine("room", room, 200);
    email = Check.email("email", email);
  }
}
