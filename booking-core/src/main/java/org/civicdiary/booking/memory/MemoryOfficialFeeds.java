/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.OfficialFeed;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.port.OfficialFeeds;

/** Feeds by official; a token is looked up by scanning, as officials are few. */
final class MemoryOfficialFeeds implements OfficialFeeds {
  private final MemoryTransactions tx;
  private final MemoryDirectory directory;
  private final Map<OfficialId, OfficialFeed> byOfficial = new HashMap<>();

  MemoryOfficialFeeds(MemoryTransactions tx, MemoryDirectory directory) {
    this.tx = tx;
    this.directory = directory;
  }

  @Override
  public void replace(OfficialFeed feed) {
    tx.locked(() -> {
      if (directory.official(feed.official()).isEmpty()) {
        throw new NotFound("official", feed.official().value());
      }
      tx.put(byOfficial, feed.official(), feed);
    });
  }

  @Override
  public boolean revoke(OfficialId official) {
    return tx.locked(() -> tx.remove(byOfficial, official) != null);
  }

  @Override
  public Optional<OfficialFeed> ofOfficial(OfficialId official) {
    return tx.locked(() -> Optional.ofNullable(byOfficial.get(official)));
  }

  @Override
  public Optional<OfficialFeed> byTokenHash(String tokenHash) {
    return tx.locked(() -> byOfficial.values().stream().filter(f -> f.tokenHash().equals(tokenHash)).findFirst());
  }
}
