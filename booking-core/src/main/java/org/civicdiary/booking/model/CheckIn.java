/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;

/**
 * The reception's record that a booked citizen has arrived, and when the official began and ended
 * the meeting. Kept beside the reservation rather than in it: a reservation changes when it is
 * moved or cancelled, a visit only grows.
 *
 * @param checkedInBy the username of the staff member who checked the citizen in; null once the
 *     retention period has passed
 * @param startedAt when the official called the citizen in; null while they wait
 * @param endedAt when the meeting ended; null until then
 */
public record CheckIn(ReservationId reservation, Instant arrivedAt, String checkedInBy, Instant startedAt,
    Instant endedAt) {
  public CheckIn {
    Check.present("reservation", reservation);
    Check.present("arrivedAt", arrivedAt);
    checkedInBy = Check.optionalLine("checkedInBy", checkedInBy, 100);
    if (startedAt != null && startedAt.isBefore(arrivedAt)) {
      throw new InvalidInput("startedAt", "must not be before arrivedAt");
    }
    if (endedAt != null && (startedAt == null || endedAt.isBefore(startedAt))) {
      throw new InvalidInput("endedAt", "must not be before startedAt");
    }
  }

  /** A citizen who has just arrived. */
  public static CheckIn arrived(ReservationId reservation, Instant at, String by) {
    return new CheckIn(reservation, at, by, null, null);
  }

  public CheckIn started(Instant at) {
    return new CheckIn(reservation, arrivedAt, checkedInBy, at, null);
  }

  public CheckIn ended(Instant at) {
    return new CheckIn(reservation, arrivedAt, checkedInBy, startedAt, at);
  }

  /** Arrived and not yet called in. */
  public boolean waiting() {
    return startedAt == null;
  }

  /** Called in and not yet done. */
  public boolean inMeeting() {
    return startedAt != null && endedAt == null;
  }

  /** From arrival to the start of the meeting; null while the citizen still waits. */
  public Duration waited() {
    return startedAt == null ? null : Duration.between(arrivedAt, startedAt);
  }
}
