/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A weekly bookable window of an official's diary, in the office's local time. It may lie outside
 * office hours (that is the point of the service). On a public holiday it is closed unless that
 * date is one of its {@code holidayOpenings}: a weekend service does not open on 26 December
 * because a flag said "holidays too", only on the holidays an administrator names.
 *
 * @param validFrom first date the window applies
 * @param validUntil last date it applies, or null for open-ended
 * @param holidayOpenings public holidays on which it opens all the same (empty: closed on every
 *     holiday). The former single flag "also on public holidays" maps to none: see {@code V21}
 * @param place where these meetings happen, or null for the official's usual room
 * @param phoneSlots how many slots of each occurrence are kept for the phone channel (0: none)
 * @param phonePercent the share of each occurrence's slots kept for the phone channel, rounded
 *     down, when it is not given as {@code phoneSlots} (0: none); at most one of the two is set
 * @param agendas the agendas it serves (a Saturday service for ID cards and passports); empty:
 *     every agenda the official handles
 */
public record Window(
    DayOfWeek day,
    LocalTime start,
    LocalTime end,
    LocalDate validFrom,
    LocalDate validUntil,
    Set<LocalDate> holidayOpenings,
    Place place,
    int phoneSlots,
    int phonePercent,
    Set<AgendaId> agendas) {
  /** Enough for a holiday service over years; a list beyond it is a mistake, not a plan. */
  public static final int MAX_HOLIDAY_OPENINGS = 100;
  public static final int MAX_AGENDAS = 100;

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
    holidayOpenings = holidayOpenings == null ? Set.of() : sorted(holidayOpenings);
    if (holidayOpenings.size() > MAX_HOLIDAY_OPENINGS) {
      throw new InvalidInput("holidayOpenings", "at most " + MAX_HOLIDAY_OPENINGS + " dates");
    }
    for (LocalDate date : holidayOpenings) {
      if (date.getDayOfWeek() != day) {
        throw new InvalidInput("holidayOpenings", date + " is not a " + day);
      }
    }
    agendas = agendas == null ? Set.of() : Set.copyOf(agendas);
    if (agendas.size() > MAX_AGENDAS) {
      throw new InvalidInput("agendas", "at most " + MAX_AGENDAS + " agendas");
    }
  }

  private static final int MINUTES_OF_DAY = 24 * 60;

  /** In date order, so that storage and documents list them the same way every time. */
  private static Set<LocalDate> sorted(Set<LocalDate> dates) {
    for (LocalDate date : dates) {
      Check.present("holidayOpenings", date);
    }
    return Collections.unmodifiableSortedSet(new TreeSet<>(dates));
  }

  /** A window that serves every agenda and keeps no share for the phone. */
  public Window(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil,
      Set<LocalDate> holidayOpenings, Place place) {
    this(day, start, end, validFrom, validUntil, holidayOpenings, place, 0, 0);
  }

  /** A window that serves every agenda. */
  public Window(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil,
      Set<LocalDate> holidayOpenings, Place place, int phoneSlots, int phonePercent) {
    this(day, start, end, validFrom, validUntil, holidayOpenings, place, phoneSlots, phonePercent, Set.of());
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
    return new Window(day, start, end, validFrom, validUntil, holidayOpenings, place, slots, percent, agendas);
  }

  /** The same window, serving only these agendas (empty: every agenda). */
  public Window withAgendas(Set<AgendaId> served) {
    return new Window(day, start, end, validFrom, validUntil, holidayOpenings, place, phoneSlots, phonePercent, served);
  }

  /** The same window, open on these public holidays. */
  public Window withHolidayOpenings(Set<LocalDate> dates) {
    return new Window(day, start, end, validFrom, validUntil, dates, place, phoneSlots, phonePercent, agendas);
  }

  /** Whether it serves the agenda; a window limited to none serves every agenda the official handles. */
  public boolean serves(AgendaId agenda) {
    return agendas.isEmpty() || agenda == null || agendas.contains(agenda);
  }

  /** Whether it opens on the date, which is a public holiday when {@code holiday} says so. */
  public boolean opensOn(LocalDate date, boolean holiday) {
    return appliesOn(date) && (!holiday || holidayOpenings.contains(date));
  }

  /** How many whole slots of this length one occurrence has (on a day without a clock change). */
  public int capacity(Duration slotLength) {
    return (int) (Duration.between(start, end).getSeconds() / slotLength.getSeconds());
  }

  /** An open-ended window with no special place, from the given date. */
  public static Window weekly(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom) {
    return new Window(day, start, end, validFrom, null, Set.of(), null);
  }

  public boolean appliesOn(LocalDate date) {
    return date.getDayOfWeek() == day
        && !date.isBefore(validFrom)
        && (validUntil == null || !date.isAfter(validUntil));
  }
}
