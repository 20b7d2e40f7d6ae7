/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.OfficeId;

/**
 * What the screen in the hall shows: booking codes only, never names or topics.
 *
 * @param called citizens whose meeting has begun and not ended, the latest called first
 * @param waiting codes of citizens checked in and not yet called, in the order they arrived
 */
public record NowServing(OfficeId office, Instant at, List<Called> called, List<BookingCode> waiting) {
  public NowServing {
    Objects.requireNonNull(office, "office");
    Objects.requireNonNull(at, "at");
    called = List.copyOf(called);
    waiting = List.copyOf(waiting);
  }

  /**
   * A citizen called in.
   *
   * @param where the official's room, or the official's name where no room is kept
   */
  public record Called(BookingCode code, String where, Instant since) {}
}
