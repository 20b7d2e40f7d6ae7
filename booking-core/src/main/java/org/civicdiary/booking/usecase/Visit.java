/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.Objects;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.Reservation;

/**
 * A booked citizen of the day as the reception and the official see them.
 *
 * @param checkIn null until the citizen is checked in
 */
public record Visit(Reservation reservation, Official official, CheckIn checkIn) {
  public Visit {
    Objects.requireNonNull(reservation, "reservation");
    Objects.requireNonNull(official, "official");
  }
}
