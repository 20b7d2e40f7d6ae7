/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalMoment;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;

/**
 * Reading the times people type: a date and a wall-clock time in the zone of the office they
 * concern, turned into instants by {@link LocalMoment}'s rules (see there for the daylight-saving
 * gap and overlap). A host that takes local times from its users calls this rather than
 * converting them itself.
 */
public final class OfficeTime {
  private final Context context;

  OfficeTime(Context context) {
    this.context = context;
  }

  /**
   * The time zone of the official's office.
   *
   * @throws NotFound when there is no such official
   */
  public ZoneId zoneOf(OfficialId official) {
    return context.officeOf(context.official(official).department()).zone();
  }

  /**
   * The time zone of the department's office.
   *
   * @throws NotFound when there is no such department
   */
  public ZoneId zoneOf(DepartmentId department) {
    return context.officeOf(department).zone();
  }

  /**
   * The one time zone of every office, for a time that names no department or official (the
   * default zone while there is no office yet).
   *
   * @param field the field the time came in, named when the offices' zones differ
   * @throws InvalidInput when the offices are in different zones: the time must then say whose
   */
  public ZoneId sharedZone(String field) {
    Set<ZoneId> zones = context.storage.directory().offices().stream().map(Office::zone).collect(Collectors.toSet());
    if (zones.size() > 1) {
      throw new InvalidInput(field, "cannot be read as a local time: the offices are in different time zones; "
          + "name a department or an official, or give an instant");
    }
    return zones.isEmpty() ? Office.DEFAULT_ZONE : zones.iterator().next();
  }
}
