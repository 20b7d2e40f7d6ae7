/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;

/**
 * One municipality's deployment: its time zone, slot length, address, published phone numbers and
 * booking policy. Slot lengths divide an hour, so slots of every diary lie on one grid that a
 * whole-hour change of the zone's offset (daylight saving) does not shift.
 */
public record Office(
    OfficeId id,
    LocalizedText name,
    ZoneId zone,
    Duration slotLength,
    Place place,
    List<ContactPhone> phones,
    BookingPolicy policy) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Prague");
  public static final Duration DEFAULT_SLOT = Duration.ofMinutes(15);

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
  }

  public int slotMinutes() {
    return (int) slotLength.toMinutes();
  }
}
