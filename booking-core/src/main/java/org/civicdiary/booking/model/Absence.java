/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;

/** Time removed from an official's diary, [start, end). */
public record Absence(
    AbsenceId id, OfficialId official, Instant start, Instant end, AbsenceKind kind, String reason) {
  public Absence {
    Check.present("id", id);
    Check.present("official", official);
    Check.present("start", start);
    Check.present("end", end);
    Check.present("kind", kind);
    if (!start.isBefore(end)) {
      throw new InvalidInput("end", "must be after start");
    }
    reason = reason == null ? "" : Check.text("reason", reason, 500);
  }

  public boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && from.isBefore(end);
  }
}
