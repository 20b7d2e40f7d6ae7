/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.WorkNote;

/**
 * A displaced reservation with the replacement times the operator can offer the citizen.
 *
 * @param notes the operators' own notes and contact attempts, oldest first
 */
public record WorklistItem(Reservation reservation, List<FreeSlot> proposals, List<WorkNote> notes) {
  public WorklistItem {
    proposals = List.copyOf(proposals);
    notes = List.copyOf(notes);
  }

  /** An item without notes. */
  public WorklistItem(Reservation reservation, List<FreeSlot> proposals) {
    this(reservation, proposals, List.of());
  }
}
