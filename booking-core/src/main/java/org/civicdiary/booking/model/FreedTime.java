/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A note that time in an official's diary may have become free (a cancellation, a move, an absence
 * removed, windows changed), written in the unit of work of that change and read by the
 * waiting-list matcher, which offers whatever is really free then.
 */
public record FreedTime(UUID id, OfficialId official, Instant start, Instant end, Instant recordedAt) {
  public FreedTime {
    Objects.requireNonNull(id, "id");
    Check.present("official", official);
    Check.present("start", start);
    Check.present("end", end);
    Check.present("recordedAt", recordedAt);
    if (!start.isBefore(end)) {
      throw new InvalidInput("end", "must be after start");
    }
  }

  public static FreedTime of(OfficialId official, Instant start, Instant end, Instant now) {
    return new FreedTime(UUID.randomUUID(), official, start, end, now);
  }
}
