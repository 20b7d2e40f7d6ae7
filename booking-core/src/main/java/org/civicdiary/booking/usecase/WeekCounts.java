/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.LocalDate;
import org.civicdiary.booking.model.DepartmentId;

/**
 * One department's bookings in one ISO week of their meetings (the part of it within the query's
 * range): how many, by channel, and by status (how they ended).
 *
 * @param week the ISO week, such as {@code 2026-W03}
 * @param weekStart the Monday of the week
 * @param phoneShare slots the week's window occurrences kept for the phone channel
 * @param phoneShareUsed of those, how many phone bookings took
 * @param phoneShareReleasedOnline how many the web took after their release
 */
public record WeekCounts(DepartmentId department, String week, LocalDate weekStart, long bookings, long web,
    long phone, long active, long displaced, long cancelled, long completed, long noShows, long phoneShare,
    long phoneShareUsed, long phoneShareReleasedOnline) {

  /** A week without phone shares. */
  public WeekCounts(DepartmentId department, String week, LocalDate weekStart, long bookings, long web, long phone,
      long active, long displaced, long cancelled, long completed, long noShows) {
    this(department, week, weekStart, bookings, web, phone, active, displaced, cancelled, completed, noShows, 0, 0, 0);
  }
}
