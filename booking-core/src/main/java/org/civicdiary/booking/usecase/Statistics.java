/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The weekly statistics of a range of dates (both included), department by department, week by week.
 *
 * @param waiting waiting times at the reception, in the same departments and weeks
 * @param noShows no-show rates by channel over the whole range, every channel
 */
public record Statistics(LocalDate from, LocalDate to, List<WeekCounts> weeks, List<WeekWaiting> waiting,
    List<ChannelNoShows> noShows) {
  public Statistics {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    weeks = List.copyOf(weeks);
    waiting = List.copyOf(waiting);
    noShows = List.copyOf(noShows);
  }

  /** Counts only. */
  public Statistics(LocalDate from, LocalDate to, List<WeekCounts> weeks) {
    this(from, to, weeks, List.of(), List.of());
  }
}
