/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A department's weekly office hours (úřední hodiny): citizens walk in without an appointment.
 * Shown to citizens; never bookable (officials' {@link Window}s are).
 */
public record WalkInHours(DayOfWeek day, LocalTime start, LocalTime end) {
  public WalkInHours {
    Check.present("day", day);
    Check.present("start", start);
    Check.present("end", end);
    if (!start.isBefore(end)) {
      throw new InvalidInput("end", "must be after start");
    }
  }
}
