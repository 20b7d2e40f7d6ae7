/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * Free time for one meeting of the asked agenda with one official, [start, end).
 *
 * @param place where the meeting would be, or null for the official's usual room
 * @param phoneShare whether the time is in the share of its window kept for the phone channel, not
 *     yet released to the web: operators may book it, citizens on the web may not
 */
public record FreeSlot(OfficialId official, Instant start, Instant end, Place place, boolean phoneShare) {
  public FreeSlot {
    Check.present("official", official);
    Check.present("start", start);
    Check.present("end", end);
  }

  /** Free time anyone may book. */
  public FreeSlot(OfficialId official, Instant start, Instant end, Place place) {
    this(official, start, end, place, false);
  }
}
