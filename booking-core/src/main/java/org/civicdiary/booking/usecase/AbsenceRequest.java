/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.OfficialId;

/** Time to take out of an official's diary, [start, end). */
public record AbsenceRequest(OfficialId official, Instant start, Instant end, AbsenceKind kind, String reason) {
  public AbsenceRequest {
    if (official == null) {
      throw new InvalidInput("official", "is required");
    }
    if (start == null) {
      throw new InvalidInput("start", "is required");
    }
    if (end == null) {
      throw new InvalidInput("end", "is required");
    }
    if (kind == null) {
      throw new InvalidInput("kind", "is required");
    }
    if (!start.isBefore(end)) {
      throw new InvalidInput("end", "must be after start");
    }
  }
}
