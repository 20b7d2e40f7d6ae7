/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import org.civicdiary.booking.model.Reservation;

/**
 * What undoing an absence did: the displaced reservations back at their original time (their
 * citizens told that the meeting stands as booked), and those whose time was taken meanwhile, which
 * stay displaced on the worklist.
 *
 * @param absence the removed absence's id
 */
public record Restoration(String absence, List<Reservation> restored, List<Reservation> stillDisplaced) {
  public Restoration {
    restored = List.copyOf(restored);
    stillDisplaced = List.copyOf(stillDisplaced);
  }
}
