/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.util.List;
import org.civicdiary.booking.model.AuditEntry;

/** Staff actions, kept for accountability. Written in the unit of work of the action. */
public interface AuditLog {
  void record(AuditEntry entry);

  /** The latest entries, newest first. */
  List<AuditEntry> latest(int limit);
}
