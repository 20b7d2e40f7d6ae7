/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.LocalDate;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficeId;

/**
 * Closing an office, or one department of it, for a day.
 *
 * @param department the department to close, or null for the whole office
 * @param reason what staff see, optional
 */
public record ClosureDayRequest(OfficeId office, DepartmentId department, LocalDate date, String reason) {
  public ClosureDayRequest {
    if (office == null) {
      throw new InvalidInput("office", "is required");
    }
    if (date == null) {
      throw new InvalidInput("date", "is required");
    }
  }
}
