/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Reservation;

/** A displaced reservation with the replacement times the operator can offer the citizen. */
public record WorklistItem(Reservation reservation, List<FreeSlot> proposals) {
  public WorklistItem {
    proposals = List.copyOf(proposals);
  }
}
