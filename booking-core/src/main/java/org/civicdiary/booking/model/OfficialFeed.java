/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;

/**
 * An official's private calendar feed: who it shows, the hash of its secret, and when and by whom
 * it was made. An official has at most one; making a new one replaces the old.
 */
public record OfficialFeed(OfficialId official, String tokenHash, Instant createdAt, String createdBy) {
  public OfficialFeed {
    Check.present("official", official);
    Check.present("tokenHash", tokenHash);
    if (!tokenHash.matches("[0-9a-f]{64}")) {
      throw new InvalidInput("tokenHash", "must be a SHA-256 hash in hex");
    }
    Check.present("createdAt", createdAt);
    createdBy = Check.line("createdBy", createdBy, 100);
  }
}
