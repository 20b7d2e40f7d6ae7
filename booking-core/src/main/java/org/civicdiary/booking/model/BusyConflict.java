/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A reservation that busy time from the official's own calendar came to overlap: it stays booked
 * until an operator decides (moves it, cancels it, or keeps it and dismisses the conflict).
 *
 * @param busyStart the start of the external busy time over the reservation
 * @param busyEnd its end
 */
public record BusyConflict(ReservationId reservation, OfficialId official, Instant busyStart, Instant busyEnd,
    Instant foundAt) {
  public BusyConflict {
    Check.present("reservation", reservation);
    Check.present("official", official);
    Check.present("busyStart", busyStart);
    Check.present("busyEnd", busyEnd);
    Check.present("foundAt", foundAt);
    if (!busyEnd.isAfter(busyStart)) {
      throw new InvalidInput("busyEnd", "must be after busyStart");
    }
  }
}
