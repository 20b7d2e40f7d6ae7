/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookEventType;

/**
 * The changes that use cases make to an existing reservation, for citizens and staff alike: moving
 * it to another time or official, ending it, and displacing the ones that no longer fit their time.
 */
final class ReservationChanges {
  private final Context context;
  private final Rules rules;
  private final Proposals proposals;

  ReservationChanges(Context context) {
    this.context = context;
    this.rules = new Rules(context);
    this.proposals = new Proposals(context);
  }

  /**
   * ReservationChanges it atomically: the store holds the new slots before it releases the old ones, so a move
   * that fails (the new time just taken) leaves the reservation where it was.
   */
  Reservation move(Reservation reservation, OfficialId officialId, Instant start, String note, boolean byStaff) {
    requireOpenAndAhead(reservation);
    // Both diaries change when it moves to another official; taken in one order, so that two moves
    // crossing between the same officials queue instead of deadlocking.
    Stream.of(reservation.official(), officialId).distinct().sorted(Comparator.comparing(OfficialId::value))
        .forEach(context.storage.diaries()::lock);
    releaseProposals(reservation);
    Official official = context.official(officialId);
    Agenda agenda = context.agenda(reservation.agenda());
    Office office = context.officeOf(reservation.department());
    rules.requireBookable(office, official, agenda, start, byStaff);
    Instant end = start.plus(office.slotLength().multipliedBy(agenda.slots()));
    rules.requireCitizenLimits(office, officialId, reservation.citizen().email(), start, end, reservation.id(), byStaff);
    Reservation moved = reservation.movedTo(officialId, start, end, note, context.now());
    // A citizen's own move on the web takes seats of the web's share, as a web booking does.
    context.storage.reservations().update(moved, office.slotLength(), byStaff ? List.of()
        : context.freeTime.webShares(office, officialId, start, end));
    if (reservation.status().holdsSlots()) {
      context.freed(reservation.official(), reservation.start(), reservation.end());
    }
    context.notifyMoved(moved, reservation);
    context.publish(moved, WebhookEventType.MOVED);
    context.remind(moved, office);
    return moved;
  }

  /** Ends it with the given status and tells the citizen with the given message, if any. */
  Reservation end(Reservation reservation, Status status, String note, MessageKind message) {
    Office office = context.officeOf(reservation.department());
    releaseProposals(reservation);
    Reservation ended = reservation.withStatus(status, note, context.now());
    context.storage.reservations().update(ended, office.slotLength());
    if (reservation.status().holdsSlots() && !status.holdsSlots()) {
      context.freed(reservation.official(), reservation.start(), reservation.end());
    }
    if (message != null) {
      context.notify(ended, message);
    }
    if (!reservation.status().isHold()) {
      // integrators hear of a waiting-list hold only once it is taken: as created
      context.publish(ended, WebhookEventType.endedAs(status));
    }
    return ended;
  }

  /**
   * Displaces the official's active reservations in [from, to) that have not begun and that
   * {@code lostTime} says the diary no longer has. A meeting that has begun (or is over) took place
   * or not: the day plan records that, and its citizen is not told after the fact that it moved.
   */
  List<Reservation> displaceComing(OfficialId official, Instant from, Instant to, Duration slotLength,
      Predicate<Reservation> lostTime) {
    Instant now = context.now();
    List<Reservation> displaced = new ArrayList<>();
    for (Reservation r : context.storage.reservations().ofOfficial(official, from, to)) {
      if (r.status() == Status.ACTIVE && r.start().isAfter(now) && lostTime.test(r)) {
        displaced.add(displace(r, null, slotLength));
      }
    }
    proposals.hold(displaced);
    return displaced;
  }

  /**
   * A displaced reservation's citizen (or an operator for them) has chosen: the times held for them
   * are free again, in this unit of work, before the chosen one is taken.
   */
  void releaseProposals(Reservation reservation) {
    if (reservation.status() == Status.DISPLACED) {
      proposals.release(reservation);
    }
  }

  /** Takes an active reservation off its time: it goes to the worklist and the citizen is told. */
  private Reservation displace(Reservation reservation, String note, Duration slotLength) {
    Reservation displaced = reservation.withStatus(Status.DISPLACED, note, context.now());
    context.storage.reservations().update(displaced, slotLength);
    context.notify(displaced, MessageKind.DISPLACED);
    context.publish(displaced, WebhookEventType.DISPLACED);
    return displaced;
  }

  void requireOpenAndAhead(Reservation reservation) {
    if (!reservation.status().isOpen()) {
      throw new StateConflict("reservation " + reservation.id() + " is " + reservation.status());
    }
    if (reservation.status() == Status.ACTIVE && !reservation.start().isAfter(context.now())) {
      throw new StateConflict("reservation " + reservation.id() + " has already begun");
    }
  }
}
