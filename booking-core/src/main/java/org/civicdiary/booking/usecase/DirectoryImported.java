/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;

/**
 * What an import did. Objects are named {@code kind:id}, e.g. {@code official:jan-novak} or
 * {@code windows:jan-novak}.
 *
 * @param created objects the document added
 * @param updated objects it changed
 * @param unchanged how many objects it named that were already so
 * @param displacements reservations displaced by changed windows or deactivated officials (now on
 *     the worklist, their citizens notified)
 */
public record DirectoryImported(List<String> created, List<String> updated, int unchanged,
    List<Displacement> displacements) {
  public DirectoryImported {
    created = List.copyOf(created);
    updated = List.copyOf(updated);
    displacements = List.copyOf(displacements);
  }

  /** Whether the import wrote anything. */
  public boolean changedAnything() {
    return !created.isEmpty() || !updated.isEmpty();
  }

  /** One line for a log or a console: counts only. */
  public String summary() {
    int displaced = displacements.stream().mapToInt(d -> d.displaced().size()).sum();
    return created.size() + " created, " + updated.size() + " updated, " + unchanged + " unchanged, "
        + displaced + " reservation(s) displaced";
  }
}
