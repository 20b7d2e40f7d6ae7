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
 */
public record FreeSlot(OfficialId official, Instant start, Instant end, Place place) {
  public FreeSlot {
    Check.present("official", official);
    Check.present("start", start);
    Check.present("end", end);
  }
}
