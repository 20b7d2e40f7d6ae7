/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.LocalDate;
import java.util.Optional;
import org.civicdiary.booking.model.LocalizedText;

/** Public holidays, on which diaries are closed unless a window opens them. */
public interface HolidayCalendar {
  /** The holiday's name if the date is a public holiday. */
  Optional<LocalizedText> holiday(LocalDate date);

  default boolean isHoliday(LocalDate date) {
    return holiday(date).isPresent();
  }
}
