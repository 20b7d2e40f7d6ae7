/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;

/**
 * An operator's own note on a reservation, or a record of trying to reach the citizen ("called, no
 * answer"): for staff only, never sent to the citizen (unlike the reservation's note), and removed
 * with the citizen's data at anonymisation, since it may name them.
 *
 * @param author the staff member's user name
 * @param at when it was written
 */
public record WorkNote(ReservationId reservation, Kind kind, String body, String author, Instant at) {
  public static final int BODY_LIMIT = 1000;

  /** What the note records. */
  public enum Kind {
    /** Anything the operators want each other to know. */
    NOTE,
    /** An attempt to reach the citizen and how it went. */
    CONTACT_ATTEMPT
  }

  public WorkNote {
    Check.present("reservation", reservation);
    Check.present("kind", kind);
    body = Check.text("body", body, BODY_LIMIT);
    if (body.isEmpty()) {
      throw new InvalidInput("body", "must not be empty");
    }
    author = Check.line("author", author, 100);
    Check.present("at", at);
  }
}
