/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.Objects;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.Reservation;

/** A new reservation and its manage token: the only time the token is seen in clear. */
public record Booked(Reservation reservation, ManageToken token) {
  public Booked {
    Objects.requireNonNull(reservation, "reservation");
    Objects.requireNonNull(token, "token");
  }
}
