/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.List;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.WorkNote;

/**
 * A displaced reservation with the replacement times the operator can offer the citizen (those held
 * for the citizen while the hold lasts), by start.
 *
 * @param notes the operators' own notes and contact attempts, oldest first
 * @param callRequested when the citizen asked to be called ("please call me"), or null
 */
public record WorklistItem(Reservation reservation, List<FreeSlot> proposals, List<WorkNote> notes,
    Instant callRequested) {
  public WorklistItem {
    proposals = List.copyOf(proposals);
    notes = List.copyOf(notes);
  }

  /** An item without notes whose citizen has not asked to be called. */
  public WorklistItem(Reservation reservation, List<FreeSlot> proposals) {
    this(reservation, proposals, List.of(), null);
  }
}
