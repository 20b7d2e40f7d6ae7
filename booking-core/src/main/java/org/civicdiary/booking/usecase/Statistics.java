/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The weekly statistics of a range of dates (both included), department by department, week by week. */
public record Statistics(LocalDate from, LocalDate to, List<WeekCounts> weeks) {
  public Statistics {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    weeks = List.copyOf(weeks);
  }
}
