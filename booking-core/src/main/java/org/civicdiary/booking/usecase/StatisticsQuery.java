/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.LocalDate;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficeId;

/**
 * Which statistics to count: meetings from one date to another, both included (dates in each
 * office's time zone), of one department or (null) of all, of one office or (null) of every office
 * the asking staff member works in.
 */
public record StatisticsQuery(LocalDate from, LocalDate to, DepartmentId department, OfficeId office) {
  /** The longest range one query counts. */
  public static final int MAX_DAYS = 366;

  /** Of every office the asking staff member works in. */
  public StatisticsQuery(LocalDate from, LocalDate to, DepartmentId department) {
    this(from, to, department, null);
  }

  public StatisticsQuery {
    Context.requireDates(from, to, MAX_DAYS);
  }
}
