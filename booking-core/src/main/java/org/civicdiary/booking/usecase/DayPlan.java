/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.ClosureDay;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Window;

/**
 * One official's day.
 *
 * @param holiday the public holiday's name, or null on a working day
 * @param checkIns the check-ins of its reservations: who waits and since when, who is in
 * @param closures the closure days that close the official's department this date (of the whole office
 *     or of the department): nobody can book it, so the plan says why
 */
public record DayPlan(
    OfficialId official,
    LocalDate date,
    LocalizedText holiday,
    List<Window> windows,
    List<Absence> absences,
    List<Reservation> reservations,
    List<CheckIn> checkIns,
    List<ClosureDay> closures) {
  public DayPlan {
    windows = List.copyOf(windows);
    absences = List.copyOf(absences);
    reservations = List.copyOf(reservations);
    checkIns = List.copyOf(checkIns);
    closures = List.copyOf(closures);
  }

  /** A day that no closure day closes. */
  public DayPlan(OfficialId official, LocalDate date, LocalizedText holiday, List<Window> windows,
      List<Absence> absences, List<Reservation> reservations, List<CheckIn> checkIns) {
    this(official, date, holiday, windows, absences, reservations, checkIns, List.of());
  }

  /** A day without check-ins. */
  public DayPlan(OfficialId official, LocalDate date, LocalizedText holiday, List<Window> windows,
      List<Absence> absences, List<Reservation> reservations) {
    this(official, date, holiday, windows, absences, reservations, List.of());
  }
}
