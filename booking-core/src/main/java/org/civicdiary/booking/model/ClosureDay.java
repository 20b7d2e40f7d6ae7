/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.LocalDate;

/**
 * A date the whole office, or one of its departments, is closed beyond the public holidays
 * (31 December, an election day): its diaries offer no time that day, and meetings booked then are
 * displaced like those of an absence.
 *
 * @param department the department that is closed, or null for the whole office
 * @param reason what staff see ("volby"), at most 500 characters; may be empty
 */
public record ClosureDay(ClosureDayId id, OfficeId office, DepartmentId department, LocalDate date, String reason) {
  public ClosureDay {
    Check.present("id", id);
    Check.present("office", office);
    Check.present("date", date);
    reason = reason == null ? "" : Check.text("reason", reason, 500);
  }

  /** Whether it closes the department's diaries (a closure of the whole office closes every department). */
  public boolean closes(DepartmentId of) {
    return department == null || department.equals(of);
  }
}
