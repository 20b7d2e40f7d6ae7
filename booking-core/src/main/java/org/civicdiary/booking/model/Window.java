/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A weekly bookable window of an official's diary, in the office's local time. It may lie outside
 * office hours (that is the point of the service) and on a public holiday only if it says so.
 *
 * @param validFrom first date the window applies
 * @param validUntil last date it applies, or null for open-ended
 * @param onHolidays whether it opens on public holidays too (weekend or holiday service)
 * @param place where these meetings happen, or null for the official's usual room
 */
public record Window(
    DayOfWeek day,
    LocalTime start,
    LocalTime end,
    LocalDate validFrom,
    LocalDate validUntil,
    boolean onHolidays,
    Place place) {
  public Window {
    Check.present("day", day);
    Check.present("start", start);
    Check.present("end", end);
    Check.present("validFrom", validFrom);
    if (!start.isBefore(end)) {
      throw new InvalidInput("end", "must be after start");
    }
    if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
      throw new InvalidInput("start", "must be whole minutes");
    }
    if (validUntil != null && validUntil.isBefore(validFrom)) {
      throw new InvalidInput("validUntil", "must not be before validFrom");
    }
  }

  /** An open-ended window with no special place, from the given date. */
  public static Window weekly(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom) {
    return new Window(day, start, end, validFrom, null, false, null);
  }

  public boolean appliesOn(LocalDate date) {
    return date.getDayOfWeek() == day
        && !date.isBefore(validFrom)
        && (validUntil == null || !date.isAfter(validUntil));
  }
}
