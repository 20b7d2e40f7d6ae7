/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;
import java.util.List;
import org.civicdiary.booking.model.AuditEntry;

/** Staff actions, kept for accountability. Written in the unit of work of the action. */
public interface AuditLog {
  void record(AuditEntry entry);

  /** The latest entries, newest first. */
  List<AuditEntry> latest(int limit);

  /**
   * Removes the entries recorded before {@code cutoff} (housekeeping, once they are no longer
   * needed for accountability).
   *
   * @return how many were removed
   */
  int removeBefore(Instant cutoff);
}
