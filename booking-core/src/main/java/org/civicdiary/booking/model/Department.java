/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** A unit of the office (odbor) with its officials and agendas. */
public record Department(DepartmentId id, OfficeId office, LocalizedText name, Place place) {
  public Department {
    Check.present("id", id);
    Check.present("office", office);
    Check.present("name", name);
    Check.present("place", place);
  }
}
