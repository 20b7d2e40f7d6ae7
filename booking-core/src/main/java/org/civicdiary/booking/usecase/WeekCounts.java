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
 */
public record WeekCounts(DepartmentId department, String week, LocalDate weekStart, long bookings, long web,
    long phone, long active, long displaced, long cancelled, long completed, long noShows) {}
