/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import org.civicdiary.booking.model.Reservation;

/**
 * What a change of an official's programme did: the reservations it displaced (now on the
 * worklist, their citizens notified).
 *
 * @param subject what changed: the absence's id, or the official's id for a schedule change
 */
public record Displacement(String subject, List<Reservation> displaced) {
  public Displacement {
    displaced = List.copyOf(displaced);
  }
}
