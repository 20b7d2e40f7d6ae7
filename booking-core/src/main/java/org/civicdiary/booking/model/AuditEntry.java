/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * One staff action: who did what to which record, with the record before and after.
 *
 * @param subject the id of the record acted upon
 * @param before a short description of the record before, or null when it was created
 * @param after a short description after, or null when it was removed
 */
public record AuditEntry(Instant at, String actor, String action, String subject, String before, String after) {
  public AuditEntry {
    Check.present("at", at);
    actor = Check.line("actor", actor, 100);
    action = Check.line("action", action, 100);
    subject = Check.line("subject", subject, 200);
  }
}
