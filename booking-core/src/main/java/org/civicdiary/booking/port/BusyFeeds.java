/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.BusyConflict;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;

/**
 * Officials' busy feeds (one at most per official), the busy intervals their last good poll gave,
 * and the conflicts those intervals made with reservations. Every method may throw {@link
 * org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface BusyFeeds {
  /**
   * Keeps the feed as the official's only one (its address and poll state), replacing theirs.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such official
   */
  void save(BusyFeed feed);

  /** Removes the official's feed with its busy intervals and conflicts; false if they had none. */
  boolean remove(OfficialId official);

  Optional<BusyFeed> ofOfficial(OfficialId official);

  /** Every feed, by official id: the poller's list. */
  List<BusyFeed> all();

  /** Replaces all of the official's external busy intervals with these. */
  void replaceBusy(OfficialId official, List<BusyTime> busy);

  /** The intervals of these officials that overlap [from, to), grouped by official, by start within one. */
  List<BusyTime> busy(Collection<OfficialId> officials, Instant from, Instant to);

  /** Adds the conflict, replacing an earlier one of the same reservation. */
  void addConflict(BusyConflict conflict);

  /** Removes the reservation's conflict; false if it had none. */
  boolean removeConflict(ReservationId reservation);

  /** Every open conflict, by the start of its busy time. */
  List<BusyConflict> conflicts();

  /**
   * The official's open conflicts, by the start of their busy time: what a poll of the official's
   * feed checks again. An adapter with an index answers without reading everyone's.
   */
  default List<BusyConflict> conflicts(OfficialId official) {
    return conflicts().stream().filter(c -> c.official().equals(official)).toList();
  }
}
