/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * A key an administrator gave an integration (a portal's own server booking on a citizen's behalf),
 * which spares its public writes the proof of work. Only the key's SHA-256 hash is kept; the prefix
 * (its first characters) lets people tell keys apart without it.
 *
 * @param id stable, random, for revoking
 * @param name what the administrator called it ("Portál Praha 6")
 * @param prefix the key's first characters, shown in lists
 * @param hash hex SHA-256 of the whole key
 * @param lastUsed null until first used
 * @param revokedAt null while the key is valid
 */
public record ApiKey(String id, String name, String prefix, String hash, Instant createdAt, Instant lastUsed,
    Instant revokedAt) {
  public ApiKey {
    id = Check.code("id", id);
    name = Check.line("name", name, 100);
    prefix = Check.line("prefix", prefix, 16);
    hash = Check.line("hash", hash, 128);
    Check.present("createdAt", createdAt);
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
