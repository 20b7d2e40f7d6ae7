/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.model.DepartmentId;

/**
 * How long one department's checked-in citizens waited, from arrival to the start of the meeting,
 * in one ISO week of their meetings. Percentiles by nearest rank: the smallest wait that at least
 * that share of the waits do not exceed.
 *
 * @param visits meetings that began after a check-in
 * @param medianSeconds null when there were none
 * @param p90Seconds null when there were none
 */
public record WeekWaiting(DepartmentId department, String week, long visits, Long medianSeconds, Long p90Seconds) {}
