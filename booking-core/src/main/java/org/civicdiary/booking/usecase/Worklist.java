/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import org.civicdiary.booking.model.OutboxMessage;

/**
 * The operators' queue: displaced reservations to re-arrange, and messages that could not be
 * delivered (the citizen has to be reached another way).
 */
public record Worklist(List<WorklistItem> displaced, List<OutboxMessage> undelivered) {
  public Worklist {
    displaced = List.copyOf(displaced);
    undelivered = List.copyOf(undelivered);
  }
}
