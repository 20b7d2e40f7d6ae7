/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotNotBookable.Reason;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.EmailKey;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ProposalHold;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationCount;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebShare;
import org.civicdiary.booking.model.WebShareUse;
import org.civicdiary.booking.model.WorkNote;
import org.civicdiary.booking.port.Reservations;

/** Reservations in maps; the held-slot map is the in-memory twin of the database's unique key. */
final class MemoryReservations implements Reservations {
  /** The longest a reservation can be (an agenda of the most slots of the longest length). */
  private static final Duration LONGEST = Duration.ofHours(16);
  private final MemoryTransactions tx;
  private final Map<ReservationId, Reservation> byId = new HashMap<>();
  private final Map<String, ReservationId> byTokenHash = new HashMap<>();
  private final Map<ReservationId, ProposalHold> proposalHolds = new HashMap<>();
  private final Map<ReservationId, Instant> callRequests = new HashMap<>();
  /** Codes of open reservations: the in-memory twin of the database's unique key on open codes. */
  private final Map<BookingCode, ReservationId> openCodes = new HashMap<>();
  /** Per official, each held slot's start and the holder's time (so that free time needs no look-up by id). */
  private final Map<OfficialId, TreeMap<Instant, Hold>> held = new HashMap<>();
  /** Per official, the web-share seats held slots take, by occurrence start: kept beside the holds so that free time reads counts, not slots. */
  private final Map<OfficialId, TreeMap<Instant, Integer>> seats = new HashMap<>();
  /** Messages a citizen's own actions sent, by mailbox key and day. */
  private final Map<String, Integer> messagesByMailboxDay = new HashMap<>();
  /** Work notes per reservation, oldest first; each list replaced whole, so that a rollback restores it. */
  private final Map<ReservationId, List<WorkNote>> workNotes = new HashMap<>();

  MemoryReservations(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void add(Reservation reservation, Duration slotLength, List<WebShare> shares) {
    tx.locked(() -> {
      if (byId.containsKey(reservation.id())) {
        throw new IllegalArgumentException("reservation " + reservation.id() + " exists already");
      }
      if (reservation.status().isOpen() && openCodes.containsKey(reservation.code())) {
        throw new ConcurrentChange("booking code", reservation.code().value());
      }
      hold(reservation, holds(reservation, slotLength), Set.of(), shares);
      if (reservation.status().isOpen()) {
        tx.put(openCodes, reservation.code(), reservation.id());
      }
      tx.put(byId, reservation.id(), reservation);
    });
  }

  @Override
  public void addManageToken(ReservationId id, String tokenHash) {
    tx.locked(() -> {
      if (!byId.containsKey(id)) {
        throw new NotFound("reservation", id.toString());
      }
      tx.put(byTokenHash, tokenHash, id);
    });
  }

  @Override
  public void update(Reservation changed, Duration slotLength, List<WebShare> shares) {
    tx.locked(() -> {
      Reservation stored = byId.get(changed.id());
      if (stored == null) {
        throw new NotFound("reservation", changed.id().toString());
      }
      if (stored.version() != changed.version() - 1) {
        throw new ConcurrentChange("reservation", changed.id().toString());
      }
      Set<Slot> before = holds(stored, slotLength);
      hold(changed, holds(changed, slotLength), before, shares);
      for (Slot slot : before) {
        if (!holds(changed, slotLength).contains(slot)) {
          Hold released = tx.remove(slots(slot.official()), slot.start());
          if (released.share() != null) {
            seat(slot.official(), released.share(), -1);
          }
        }
      }
      if (stored.status().isOpen() && !changed.status().isOpen()) {
        tx.remove(openCodes, stored.code());
      } else if (!stored.status().isOpen() && changed.status().isOpen()) {
        if (openCodes.containsKey(changed.code())) {
          throw new ConcurrentChange("booking code", changed.code().value());
        }
        tx.put(openCodes, changed.code(), changed.id());
      }
      tx.put(byId, changed.id(), changed);
    });
  }

  /**
   * Holds the slots not already held by this reservation, and records its new time on those it
   * keeps (with the web-share seats they took); checks all before writing any.
   */
  private void hold(Reservation reservation, Set<Slot> wanted, Set<Slot> alreadyHeld, List<WebShare> shares) {
    Map<Slot, Instant> seats = new HashMap<>();
    Map<Instant, Integer> taking = new HashMap<>();
    for (Slot slot : wanted) {
      if (alreadyHeld.contains(slot)) {
        seats.put(slot, slots(slot.official()).get(slot.start()).share());
        continue;
      }
      if (slots(slot.official()).containsKey(slot.start())) {
        throw new SlotTaken(slot.official().value(), slot.start());
      }
      for (WebShare share : shares) {
        if (share.covers(slot.official(), slot.start())) {
          int taken = taking.merge(share.start(), 1, Integer::sum) + seatsOf(share.official())
              .getOrDefault(share.start(), 0);
          if (taken > share.slots()) {
            throw new SlotNotBookable(Reason.PHONE_SHARE, "official " + share.official() + " at " + share.start());
          }
          seats.put(slot, share.start());
        }
      }
    }
    for (Slot slot : wanted) {
      Instant share = seats.get(slot);
      if (share != null && !alreadyHeld.contains(slot)) {
        seat(slot.official(), share, 1);
      }
      tx.put(slots(slot.official()), slot.start(), new Hold(reservation.id(), reservation.start(), reservation.end(), share));
    }
  }

  private TreeMap<Instant, Integer> seatsOf(OfficialId official) {
    return seats.computeIfAbsent(official, k -> new TreeMap<>());
  }

  /** Counts a seat of the occurrence's web share taken ({@code +1}) or given back ({@code -1}). */
  private void seat(OfficialId official, Instant share, int change) {
    int taken = seatsOf(official).getOrDefault(share, 0) + change;
    if (taken == 0) {
      tx.remove(seatsOf(official), share);
    } else {
      tx.put(seatsOf(official), share, taken);
    }
  }

  @Override
  public List<WebShareUse> webShareUse(Collection<OfficialId> officials, Instant from, Instant to) {
    return tx.locked(() -> {
      List<WebShareUse> result = new ArrayList<>();
      for (OfficialId official : new LinkedHashSet<>(officials)) {
        TreeMap<Instant, Integer> taken = seats.get(official);
        if (taken != null) {
          taken.subMap(from, true, to, false).forEach((start, count) -> result.add(new WebShareUse(official, start, count)));
        }
      }
      return Collections.unmodifiableList(result);
    });
  }

  private static Set<Slot> holds(Reservation r, Duration slotLength) {
    if (!r.status().holdsSlots()) {
      return Set.of();
    }
    Set<Slot> result = new LinkedHashSet<>();
    for (Instant start : r.slotStarts(slotLength)) {
      result.add(new Slot(r.official(), start));
    }
    return result;
  }

  private TreeMap<Instant, Hold> slots(OfficialId official) {
    return held.computeIfAbsent(official, k -> new TreeMap<>());
  }

  @Override
  public Optional<Reservation> find(ReservationId id) {
    return tx.locked(() -> Optional.ofNullable(byId.get(id)));
  }

  @Override
  public boolean codeInUse(BookingCode code) {
    return tx.locked(() -> openCodes.containsKey(code));
  }

  @Override
  public Optional<Reservation> findByManageTokenHash(String hash) {
    return tx.locked(() -> Optional.ofNullable(byTokenHash.get(hash)).map(byId::get));
  }

  /** Units of work are serial here already. */
  @Override
  public void lockOfEmail(String email) {
    Objects.requireNonNull(email, "email");
  }

  @Override
  public List<BusyTime> busy(Collection<OfficialId> officials, Instant from, Instant to) {
    return tx.locked(() -> {
      List<BusyTime> result = new ArrayList<>();
      for (OfficialId official : new LinkedHashSet<>(officials)) {
        TreeMap<Instant, Hold> slots = held.get(official);
        if (slots == null) {
          continue;
        }
        // A reservation's slots are consecutive entries: no other can hold one between them.
        ReservationId previous = null;
        for (Hold hold : slots.subMap(from.minus(LONGEST), true, to, false).values()) {
          if (!hold.id().equals(previous)) {
            previous = hold.id();
            if (hold.start().isBefore(to) && from.isBefore(hold.end())) {
              result.add(new BusyTime(official, hold.start(), hold.end()));
            }
          }
        }
      }
      return Collections.unmodifiableList(result);
    });
  }

  @Override
  public List<Reservation> ofOfficial(OfficialId official, Instant from, Instant to) {
    return tx.locked(() -> byId.values().stream()
        .filter(r -> r.official().equals(official) && r.overlaps(from, to))
        .sorted(Comparator.comparing(Reservation::start))
        .toList());
  }

  @Override
  public boolean countMessageTo(String email, LocalDate day, int cap) {
    String key = EmailKey.of(email) + " " + day;
    return tx.locked(() -> {
      int sent = messagesByMailboxDay.getOrDefault(key, 0);
      if (sent >= cap) {
        return false;
      }
      tx.put(messagesByMailboxDay, key, sent + 1);
      return true;
    });
  }

  @Override
  public List<Reservation> openOfEmail(String email) {
    String key = EmailKey.of(email);
    return tx.locked(() -> byId.values().stream()
        .filter(r -> r.status().isOpen() && key.equals(r.citizen().emailKey()))
        .sorted(Comparator.comparing(Reservation::start))
        .toList());
  }

  @Override
  public void addWorkNote(WorkNote note) {
    tx.locked(() -> {
      requireExists(note.reservation());
      List<WorkNote> more = new ArrayList<>(workNotes.getOrDefault(note.reservation(), List.of()));
      more.add(note);
      tx.put(workNotes, note.reservation(), List.copyOf(more));
    });
  }

  @Override
  public List<WorkNote> workNotes(ReservationId id) {
    return tx.locked(() -> workNotes.getOrDefault(id, List.of()));
  }

  @Override
  public void addProposalHold(ProposalHold hold) {
    tx.locked(() -> {
      requireExists(hold.displaced());
      requireExists(hold.hold());
      tx.put(proposalHolds, hold.hold(), hold);
    });
  }

  @Override
  public List<ProposalHold> proposalHolds(ReservationId displaced) {
    return tx.locked(() -> proposalHolds.values().stream().filter(h -> h.displaced().equals(displaced))
        .sorted(Comparator.comparing(ProposalHold::until)).toList());
  }

  @Override
  public List<ProposalHold> lapsedProposalHolds(Instant now, int limit) {
    return tx.locked(() -> proposalHolds.values().stream().filter(h -> !h.until().isAfter(now))
        .sorted(Comparator.comparing(ProposalHold::until)).limit(limit).toList());
  }

  @Override
  public boolean removeProposalHold(ReservationId hold) {
    return tx.locked(() -> tx.remove(proposalHolds, hold) != null);
  }

  @Override
  public void requestCall(ReservationId displaced, Instant at) {
    tx.locked(() -> {
      requireExists(displaced);
      if (!callRequests.containsKey(displaced)) {
        tx.put(callRequests, displaced, at);
      }
    });
  }

  @Override
  public Optional<Instant> callRequested(ReservationId reservation) {
    return tx.locked(() -> Optional.ofNullable(callRequests.get(reservation)));
  }

  private void requireExists(ReservationId id) {
    if (!byId.containsKey(id)) {
      throw new NotFound("reservation", id.toString());
    }
  }

  @Override
  public List<Reservation> displaced() {
    return tx.locked(() -> byId.values().stream()
        .filter(r -> r.status() == Status.DISPLACED)
        .sorted(Comparator.comparing(Reservation::start))
        .toList());
  }

  @Override
  public List<Reservation> search(ReservationSearch q) {
    String text = q.text() == null ? null : q.text().toLowerCase(Locale.ROOT);
    return tx.locked(() -> byId.values().stream()
        .filter(r -> q.department() == null || r.department().equals(q.department()))
        .filter(r -> q.official() == null || r.official().equals(q.official()))
        .filter(r -> q.status() == null || r.status() == q.status())
        .filter(r -> q.from() == null || r.end().isAfter(q.from()))
        .filter(r -> q.to() == null || r.start().isBefore(q.to()))
        .filter(r -> text == null || matches(r.citizen(), text) || q.code().filter(r.code()::equals).isPresent())
        .sorted(Comparator.comparing(Reservation::start).thenComparing(r -> r.id().toString()))
        .limit(q.limit())
        .toList());
  }

  @Override
  public List<ReservationCount> count(Collection<DepartmentId> departments, List<Instant> bounds) {
    Set<DepartmentId> wanted = Set.copyOf(departments);
    record Key(DepartmentId department, int period, Channel channel, Status status) {}
    Map<Key, Long> counts = new HashMap<>();
    tx.locked(() -> {
      for (Reservation r : byId.values()) {
        if (!wanted.contains(r.department())) {
          continue;
        }
        // the last bound at or before the start names the period
        int at = Collections.binarySearch(bounds, r.start());
        int period = at >= 0 ? at : -at - 2;
        if (period >= 0 && period < bounds.size() - 1) {
          counts.merge(new Key(r.department(), period, r.channel(), r.status()), 1L, Long::sum);
        }
      }
    });
    return counts.entrySet().stream()
        .map(e -> new ReservationCount(e.getKey().department(), e.getKey().period(), e.getKey().channel(),
            e.getKey().status(), e.getValue()))
        .toList();
  }

  private static boolean matches(Citizen c, String text) {
    return c.name().toLowerCase(Locale.ROOT).contains(text)
        || c.email() != null && c.email().toLowerCase(Locale.ROOT).contains(text)
        || c.phone() != null && c.phone().contains(text);
  }

  @Override
  public int anonymiseEndedBefore(Instant cutoff, Instant now) {
    return tx.locked(() -> {
      List<Reservation> due = byId.values().stream()
          .filter(r -> r.end().isBefore(cutoff) && !r.citizen().equals(Citizen.anonymised()))
          .toList();
      for (Reservation r : due) {
        tx.put(byId, r.id(), r.anonymised(now));
        if (workNotes.containsKey(r.id())) {
          tx.remove(workNotes, r.id());
        }
      }
      return due.size();
    });
  }

  private record Slot(OfficialId official, Instant start) {}

  /** @param share the start of the window occurrence whose web-share seat the slot takes, or null */
  private record Hold(ReservationId id, Instant start, Instant end, Instant share) {}
}
