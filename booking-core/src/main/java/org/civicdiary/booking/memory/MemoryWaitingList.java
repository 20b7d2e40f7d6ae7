/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.EmailKey;
import org.civicdiary.booking.model.FreedTime;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.model.WaitingListStatus;
import org.civicdiary.booking.port.WaitingList;

/** Waiting-list entries and notes of freed time in maps, under the storage's one lock. */
final class MemoryWaitingList implements WaitingList {
  private static final Comparator<WaitingListEntry> FIRST_COME =
      Comparator.comparing(WaitingListEntry::createdAt).thenComparing(e -> e.id().toString());
  private final MemoryTransactions tx;
  private final Map<WaitingListEntryId, WaitingListEntry> byId = new HashMap<>();
  private final Map<String, WaitingListEntryId> byTokenHash = new HashMap<>();
  private final Map<UUID, FreedTime> freed = new HashMap<>();

  MemoryWaitingList(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void add(WaitingListEntry entry) {
    tx.locked(() -> {
      if (byId.containsKey(entry.id())) {
        throw new IllegalArgumentException("waiting-list entry " + entry.id() + " exists already");
      }
      tx.put(byId, entry.id(), entry);
    });
  }

  @Override
  public void update(WaitingListEntry changed) {
    tx.locked(() -> {
      WaitingListEntry stored = byId.get(changed.id());
      if (stored == null) {
        throw new NotFound("waiting-list entry", changed.id().toString());
      }
      if (stored.version() != changed.version() - 1) {
        throw new ConcurrentChange("waiting-list entry", changed.id().toString());
      }
      tx.put(byId, changed.id(), changed);
    });
  }

  @Override
  public Optional<WaitingListEntry> find(WaitingListEntryId id) {
    return tx.locked(() -> Optional.ofNullable(byId.get(id)));
  }

  @Override
  public void addToken(WaitingListEntryId id, String tokenHash) {
    tx.locked(() -> {
      if (!byId.containsKey(id)) {
        throw new NotFound("waiting-list entry", id.toString());
      }
      tx.put(byTokenHash, tokenHash, id);
    });
  }

  @Override
  public Optional<WaitingListEntry> findByTokenHash(String hash) {
    return tx.locked(() -> Optional.ofNullable(byTokenHash.get(hash)).map(byId::get));
  }

  @Override
  public Optional<WaitingListEntry> findByHold(ReservationId hold) {
    return tx.locked(() -> byId.values().stream().filter(e -> hold.equals(e.hold())).findFirst());
  }

  @Override
  public List<WaitingListEntry> liveOfEmail(String email) {
    String key = EmailKey.of(email);
    return select(e -> e.status().isLive() && key.equals(e.citizen().emailKey()));
  }

  @Override
  public List<WaitingListEntry> waitingFor(OfficialId official, DepartmentId department, Instant from, Instant to) {
    return select(e -> e.status() == WaitingListStatus.ACTIVE
        && (official.equals(e.official()) || e.official() == null && department.equals(e.department()))
        && e.rangeStart().isBefore(to) && from.isBefore(e.rangeEnd()));
  }

  @Override
  public List<WaitingListEntry> lapsedOffers(Instant now) {
    return tx.locked(() -> byId.values().stream()
        .filter(e -> e.status() == WaitingListStatus.OFFERED && !e.holdUntil().isAfter(now))
        .sorted(Comparator.comparing(WaitingListEntry::holdUntil).thenComparing(FIRST_COME))
        .toList());
  }

  @Override
  public List<WaitingListEntry> toExpire(Instant now, Instant unconfirmedBefore) {
    return select(e -> (e.status() == WaitingListStatus.ACTIVE || e.status() == WaitingListStatus.UNCONFIRMED)
        && !e.rangeEnd().isAfter(now)
        || e.status() == WaitingListStatus.UNCONFIRMED && e.createdAt().isBefore(unconfirmedBefore));
  }

  @Override
  public List<WaitingListEntry> list(DepartmentId department, OfficialId official, AgendaId agenda, boolean all) {
    return select(e -> e.department().equals(department)
        && (official == null || e.official() == null || official.equals(e.official()))
        && (agenda == null || agenda.equals(e.agenda()))
        && (all || e.status().isLive()));
  }

  @Override
  public int anonymiseEndedBefore(Instant cutoff, Instant now) {
    return tx.locked(() -> {
      List<WaitingListEntry> due = byId.values().stream()
          .filter(e -> !e.status().isLive() && e.rangeEnd().isBefore(cutoff) && !e.citizen().equals(Citizen.anonymised()))
          .toList();
      due.forEach(e -> tx.put(byId, e.id(), e.anonymised(now)));
      return due.size();
    });
  }

  @Override
  public void recordFreed(FreedTime note) {
    tx.locked(() -> tx.put(freed, note.id(), note));
  }

  @Override
  public List<FreedTime> freed(int max) {
    return tx.locked(() -> freed.values().stream()
        .sorted(Comparator.comparing(FreedTime::recordedAt).thenComparing(f -> f.id().toString())).limit(max).toList());
  }

  @Override
  public boolean removeFreed(UUID id) {
    Objects.requireNonNull(id, "id");
    return tx.locked(() -> tx.remove(freed, id) != null);
  }

  private List<WaitingListEntry> select(Predicate<WaitingListEntry> wanted) {
    return tx.locked(() -> byId.values().stream().filter(wanted).sorted(FIRST_COME).toList());
  }
}
