/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Set;

/**
 * A kind of matter (ID card, passport, trade licence…) and the officials who handle it.
 *
 * @param slots how many consecutive slots one meeting takes
 */
public record Agenda(
    AgendaId id, DepartmentId department, LocalizedText name, int slots, Set<OfficialId> officials) {
  public static final int MAX_SLOTS = 16;

  public Agenda {
    Check.present("id", id);
    Check.present("department", department);
    Check.present("name", name);
    Check.range("slots", slots, 1, MAX_SLOTS);
    officials = Set.copyOf(Check.present("officials", officials));
  }

  public boolean handledBy(OfficialId official) {
    return officials.contains(official);
  }
}
