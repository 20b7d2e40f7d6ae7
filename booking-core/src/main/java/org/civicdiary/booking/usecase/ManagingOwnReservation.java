/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.error.TokenInvalid;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ProposalHold;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;

/**
 * What the citizen does with the manage link: see the reservation, cancel it, move it, or accept a
 * proposed replacement after a displacement. A token that matches nothing is {@link TokenInvalid},
 * however it is wrong.
 */
public final class ManagingOwnReservation {
  private final Context context;
  private final ReservationChanges changes;
  private final Proposals proposals;

  ManagingOwnReservation(Context context) {
    this.context = context;
    this.changes = new ReservationChanges(context);
    this.proposals = new Proposals(context);
  }

  public Reservation view(ManageToken token) {
    return find(token);
  }

  /** Cancels it; the citizen gets a cancellation message and the slots are free again. */
  public Reservation cancel(ManageToken token) {
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = find(token);
      changes.requireOpenAndAhead(reservation);
      return changes.end(reservation, Status.CANCELLED, null, MessageKind.CANCELLED_BY_CITIZEN);
    });
  }

  /**
   * ReservationChanges it to another free time, with the same official or a colleague of the department who
   * handles the agenda (accepting a proposal is such a move).
   */
  public Reservation reschedule(ManageToken token, OfficialId official, Instant start) {
    if (official == null) {
      throw new InvalidInput("official", "is required");
    }
    if (start == null) {
      throw new InvalidInput("start", "is required");
    }
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = find(token);
      if (!context.official(official).department().equals(reservation.department())) {
        throw new InvalidInput("official", "must be of the reservation's department");
      }
      return changes.move(reservation, official, start, null, false);
    });
  }

  /**
   * Whether the citizen may still cancel or move it: displaced, or active and not begun yet. A page
   * offers the changes only then; the changes themselves check it again.
   */
  public boolean changeable(Reservation reservation) {
    return reservation.status() == Status.DISPLACED
        || reservation.status() == Status.ACTIVE && reservation.start().isAfter(context.now());
  }

  /**
   * Accepts one of the proposed replacement times of a displaced reservation: only a time that is
   * proposed right now, so that a stale page cannot pick any time through this door.
   *
   * @throws StateConflict if the time is not among the proposals now
   */
  public Reservation acceptProposal(ManageToken token, OfficialId official, Instant start) {
    if (official == null) {
      throw new InvalidInput("official", "is required");
    }
    if (start == null) {
      throw new InvalidInput("start", "is required");
    }
    if (proposals(token).stream().noneMatch(p -> p.official().equals(official) && p.start().equals(start))) {
      throw new StateConflict("this time is not among the reservation's proposals now; ask for them again");
    }
    return reschedule(token, official, start);
  }

  /**
   * Replacement times for a displaced reservation, by start: the times held for its citizen while
   * the hold lasts, afterwards whatever is free nearest to the original; none for one that is not
   * displaced.
   */
  public List<FreeSlot> proposals(ManageToken token) {
    Reservation reservation = find(token);
    return reservation.status() == Status.DISPLACED ? proposals.current(reservation) : List.of();
  }

  /**
   * The citizen of a displaced reservation would rather be called than choose a time: the times
   * held for them are free again and the operators' worklist shows the call task. Asking twice
   * changes nothing more.
   *
   * @throws StateConflict if the reservation is not displaced
   */
  public Reservation pleaseCall(ManageToken token) {
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = find(token);
      if (reservation.status() != Status.DISPLACED) {
        throw new StateConflict("reservation " + reservation.id() + " is " + reservation.status()
            + "; only a displaced reservation waits for a call");
      }
      changes.releaseProposals(reservation);
      context.storage.reservations().requestCall(reservation.id(), context.now());
      return reservation;
    });
  }

  /** Until when the proposals are held for the citizen, if some still are. */
  public Optional<Instant> proposalsHeldUntil(ManageToken token) {
    Reservation reservation = find(token);
    Instant now = context.now();
    return context.storage.reservations().proposalHolds(reservation.id()).stream()
        .map(ProposalHold::until).filter(until -> until.isAfter(now)).min(Instant::compareTo);
  }

  /** When the citizen asked to be called about this reservation, if they did. */
  public Optional<Instant> callRequested(ManageToken token) {
    return context.storage.reservations().callRequested(find(token).id());
  }

  /**
   * The reservation the token opens. A link expires when the meeting is over by the office's
   * retention period: by then the reservation is anonymised, and a link in an old mailbox should
   * open nothing at all. It answers like a token that never existed.
   */
  private Reservation find(ManageToken token) {
    Objects.requireNonNull(token, "token");
    Reservation reservation = context.storage.reservations().findByManageTokenHash(token.hash())
        .orElseThrow(TokenInvalid::new);
    Duration retention = Duration.ofDays(context.officeOf(reservation.department()).policy().retentionDays());
    if (context.now().isAfter(reservation.end().plus(retention))) {
      throw new TokenInvalid();
    }
    return reservation;
  }
}
