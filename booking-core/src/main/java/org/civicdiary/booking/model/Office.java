/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.regex.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;

/**
 * One municipality's deployment: its time zone, slot length, address, published phone numbers,
 * booking policy and the name of its public-holiday calendar ({@code CZ}, built in, or one a
 * deployment plugs in). Slot lengths divide an hour, so slots of every diary lie on one grid that a
 * whole-hour change of the zone's offset (daylight saving) does not shift.
 */
public record Office(
    OfficeId id,
    LocalizedText name,
    ZoneId zone,
    Duration slotLength,
    Place place,
    List<ContactPhone> phones,
    BookingPolicy policy,
    String holidayCalendar) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Prague");
  public static final Duration DEFAULT_SLOT = Duration.ofMinutes(15);
  /** The built-in calendar: the Czech Republic's public holidays. */
  public static final String DEFAULT_HOLIDAY_CALENDAR = "CZ";
  private static final Pattern CALENDAR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,15}");

  public Office {
    Check.present("id", id);
    Check.present("name", name);
    Check.present("zone", zone);
    Check.present("slotLength", slotLength);
    long minutes = slotLength.toMinutes();
    if (!slotLength.equals(Duration.ofMinutes(minutes)) || minutes < 5 || 60 % minutes != 0) {
      throw new InvalidInput("slotLength", "must be a whole number of minutes (at least 5) that divides an hour");
    }
    Check.present("place", place);
    phones = List.copyOf(Check.present("phones", phones));
    Check.present("policy", policy);
    holidayCalendar = holidayCalendar == null ? DEFAULT_HOLIDAY_CALENDAR : holidayCalendar;
    if (!CALENDAR_NAME.matcher(holidayCalendar).matches()) {
      throw new InvalidInput("holidayCalendar", "must be a calendar's name such as CZ (letters, digits, hyphens, at most 16)");
    }
  }

  /** An office with the built-in Czech holidays. */
  public Office(OfficeId id, LocalizedText name, ZoneId zone, Duration slotLength, Place place, List<ContactPhone> phones,
      BookingPolicy policy) {
    this(id, name, zone, slotLength, place, phones, policy, DEFAULT_HOLIDAY_CALENDAR);
  }

  /** The same office with another holiday calendar. */
  public Office withHolidayCalendar(String calendar) {
    return new Office(id, name, zone, slotLength, place, phones, policy, calendar);
  }

  public int slotMinutes() {
    return (int) slotLength.toMinutes();
  }
}
