/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import org.civicdiary.booking.model.BusyConflict;
import org.civicdiary.booking.model.OutboxMessage;

/**
 * The operators' queue: displaced reservations to re-arrange, messages that could not be
 * delivered (the citizen has to be reached another way), and reservations that busy time from the
 * official's own calendar came to cover (to move, cancel or keep).
 */
public record Worklist(List<WorklistItem> displaced, List<OutboxMessage> undelivered, List<BusyConflict> conflicts) {
  public Worklist {
    displaced = List.copyOf(displaced);
    undelivered = List.copyOf(undelivered);
    conflicts = List.copyOf(conflicts);
  }

  /** A worklist without conflicts, as before busy feeds. */
  public Worklist(List<WorklistItem> displaced, List<OutboxMessage> undelivered) {
    this(displaced, undelivered, List.of());
  }
}
