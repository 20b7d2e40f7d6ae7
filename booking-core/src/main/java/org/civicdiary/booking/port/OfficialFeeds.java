/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.util.Optional;
import org.civicdiary.booking.model.OfficialFeed;
import org.civicdiary.booking.model.OfficialId;

/**
 * Officials' private calendar feeds, one at most per official, found by the hash of their secret.
 * Every method may throw {@link org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface OfficialFeeds {
  /**
   * Keeps this feed as the official's only one: an older feed of theirs stops opening at once.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such official
   */
  void replace(OfficialFeed feed);

  /** Removes the official's feed; false if they had none. */
  boolean revoke(OfficialId official);

  Optional<OfficialFeed> ofOfficial(OfficialId official);

  /** The feed that the token with this hash opens; empty for a revoked or unknown one alike. */
  Optional<OfficialFeed> byTokenHash(String tokenHash);
}
