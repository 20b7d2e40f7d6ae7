/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.ClosureDayId;
import org.civicdiary.booking.model.ClosureDay;
import java.time.LocalDate;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;

/**
 * The officials' diaries: weekly bookable windows, absences, and the departments' walk-in office
 * hours. Every method may throw {@link org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface Diaries {
  /**
   * Takes the official's diary for the rest of the unit of work: another unit of work taking the
   * same diary waits until this one ends. Bookings, moves and programme changes (absences, new
   * windows, deactivation) take it, so that a booking cannot slip into time that a concurrent
   * absence is removing. Must be called inside a unit of work.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such official
   */
  void lock(OfficialId official);

  /** The official's windows in the order they were saved; empty for an unknown official. */
  List<Window> windows(OfficialId official);

  /** The windows of many officials at once (for a department's free time). */
  default Map<OfficialId, List<Window>> windows(Collection<OfficialId> officials) {
    Map<OfficialId, List<Window>> result = new LinkedHashMap<>();
    for (OfficialId official : officials) {
      result.put(official, windows(official));
    }
    return result;
  }

  /** Replaces all the official's windows. */
  void replaceWindows(OfficialId official, List<Window> windows);

  List<WalkInHours> walkInHours(DepartmentId department);

  void replaceWalkInHours(DepartmentId department, List<WalkInHours> hours);

  /** Absences of these officials that overlap [from, to), ordered by start. */
  List<Absence> absences(Collection<OfficialId> officials, Instant from, Instant to);

  Optional<Absence> absence(AbsenceId id);

  void add(Absence absence);

  /** @return whether there was such an absence */
  boolean remove(AbsenceId id);

  /**
   * The closure days of the office (of the whole office and of its departments) on the dates
   * [from, to], by date, then by id.
   */
  List<ClosureDay> closureDays(OfficeId office, LocalDate from, LocalDate to);

  Optional<ClosureDay> closureDay(ClosureDayId id);

  void add(ClosureDay day);

  /** @return whether there was such a closure day */
  boolean remove(ClosureDayId id);
}
