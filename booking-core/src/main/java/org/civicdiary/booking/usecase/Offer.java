/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.Objects;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.WaitingListEntry;

/** A time offered to a waiting-list entry: the entry and the reservation that holds the time. */
public record Offer(WaitingListEntry entry, Reservation hold) {
  public Offer {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(hold, "hold");
  }
}
