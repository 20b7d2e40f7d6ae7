/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.DayOfWeek;
import java.time.Duration;
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
 * @param phoneSlots how many slots of each occurrence are kept for the phone channel (0: none)
 * @param phonePercent the share of each occurrence's slots kept for the phone channel, rounded
 *     down, when it is not given as {@code phoneSlots} (0: none); at most one of the two is set
 */
public record Window(
    DayOfWeek day,
    LocalTime start,
    LocalTime end,
    LocalDate validFrom,
    LocalDate validUntil,
    boolean onHolidays,
    Place place,
    int phoneSlots,
    int phonePercent) {
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
    Check.range("phoneSlots", phoneSlots, 0, MINUTES_OF_DAY);
    Check.range("phonePercent", phonePercent, 0, 100);
    if (phoneSlots > 0 && phonePercent > 0) {
      throw new InvalidInput("phonePercent", "give the phone share as slots or as a percentage, not both");
    }
  }

  private static final int MINUTES_OF_DAY = 24 * 60;

  /** A window that keeps no share for the phone. */
  public Window(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil,
      boolean onHolidays, Place place) {
    this(day, start, end, validFrom, validUntil, onHolidays, place, 0, 0);
  }

  /** Whether it keeps a share of its slots for the phone. */
  public boolean keepsPhoneShare() {
    return phoneSlots > 0 || phonePercent > 0;
  }

  /** How many of an occurrence's {@code capacity} slots the phone share keeps. */
  public int phoneShare(int capacity) {
    return Math.min(capacity, phoneSlots > 0 ? phoneSlots : capacity * phonePercent / 100);
  }

  /** The same window with this phone share. */
  public Window withPhoneShare(int slots, int percent) {
    return new Window(day, start, end, validFrom, validUntil, onHolidays, place, slots, percent);
  }

  /** How many whole slots of this length one occurrence has (on a day without a clock change). */
  public int capacity(Duration slotLength) {
    return (int) (Duration.between(start, end).getSeconds() / slotLength.getSeconds());
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
