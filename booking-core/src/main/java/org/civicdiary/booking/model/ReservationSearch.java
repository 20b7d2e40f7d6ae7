/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import java.util.Optional;

/**
 * What staff look for; every criterion is optional (null), all given ones must match.
 *
 * @param text matched case-insensitively within the citizen's name, e-mail or phone; a text that reads
 *     as a booking code (any case, spaces and dashes ignored) also finds the reservation of that code
 * @param limit at most this many, earliest start first
 */
public record ReservationSearch(
    String text, DepartmentId department, OfficialId official, Status status, Instant from, Instant to, int limit) {
  public ReservationSearch {
    text = text == null || text.isBlank() ? null : Check.line("text", text, 200);
    Check.range("limit", limit, 1, 10_000);
  }

  /** The booking code the text reads as, if it does. */
  public Optional<BookingCode> code() {
    return BookingCode.looksLikeCode(text) ? Optional.of(BookingCode.parse(text)) : Optional.empty();
  }
}
