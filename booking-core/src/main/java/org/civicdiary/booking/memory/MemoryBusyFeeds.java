/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.BusyConflict;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.port.BusyFeeds;

/** Feeds, intervals (a sorted list an official) and conflicts in maps, under the storage's one lock. */
final class MemoryBusyFeeds implements BusyFeeds {
  private static final Comparator<BusyTime> BY_START = Comparator.comparing(BusyTime::start);
  private final MemoryTransactions tx;
  private final MemoryDirectory directory;
  private final Map<OfficialId, BusyFeed> feeds = new TreeMap<>(Comparator.comparing(OfficialId::value));
  private final Map<OfficialId, List<BusyTime>> busy = new HashMap<>();
  private final Map<ReservationId, BusyConflict> conflicts = new HashMap<>();

  MemoryBusyFeeds(MemoryTransactions tx, MemoryDirectory directory) {
    this.tx = tx;
    this.directory = directory;
  }

  @Override
  public void save(BusyFeed feed) {
    tx.locked(() -> {
      if (directory.official(feed.official()).isEmpty()) {
        throw new NotFound("official", feed.official().value());
      }
      tx.put(feeds, feed.official(), feed);
    });
  }

  @Override
  public boolean remove(OfficialId official) {
    return tx.locked(() -> {
      tx.remove(busy, official);
      for (BusyConflict c : List.copyOf(conflicts.values())) {
        if (c.official().equals(official)) {
          tx.remove(conflicts, c.reservation());
        }
      }
      return tx.remove(feeds, official) != null;
    });
  }

  @Override
  public Optional<BusyFeed> ofOfficial(OfficialId official) {
    return tx.locked(() -> Optional.ofNullable(feeds.get(official)));
  }

  @Override
  public List<BusyFeed> all() {
    return tx.locked(() -> List.copyOf(feeds.values()));
  }

  @Override
  public void replaceBusy(OfficialId official, List<BusyTime> intervals) {
    List<BusyTime> sorted = new ArrayList<>(intervals);
    sorted.sort(BY_START);
    tx.locked(() -> {
      if (sorted.isEmpty()) {
        tx.remove(busy, official);
      } else {
        tx.put(busy, official, List.copyOf(sorted));
      }
    });
  }

  @Override
  public List<BusyTime> busy(Collection<OfficialId> officials, Instant from, Instant to) {
    return tx.locked(() -> {
      List<BusyTime> result = new ArrayList<>();
      for (OfficialId official : new LinkedHashSet<>(officials)) {
        for (BusyTime b : busy.getOrDefault(official, List.of())) {
          if (b.start().isBefore(to) && from.isBefore(b.end())) {
            result.add(b);
          }
        }
      }
      return List.copyOf(result);
    });
  }

  @Override
  public void addConflict(BusyConflict conflict) {
    tx.locked(() -> tx.put(conflicts, conflict.reservation(), conflict));
  }

  @Override
  public boolean removeConflict(ReservationId reservation) {
    return tx.locked(() -> tx.remove(conflicts, reservation) != null);
  }

  @Override
  public List<BusyConflict> conflicts() {
    return tx.locked(() -> conflicts.values().stream()
        .sorted(Comparator.comparing(BusyConflict::busyStart).thenComparing(c -> c.reservation().value()))
        .toList());
  }
}
