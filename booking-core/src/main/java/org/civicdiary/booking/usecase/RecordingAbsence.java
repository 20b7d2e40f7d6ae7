/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookEventType;

/**
 * Recording that an official is away (holiday, illness, training, a block). Reservations in that
 * time are displaced: their citizens are told and they go on the operators' worklist.
 */
public final class RecordingAbsence {
  private final Context context;
  private final ReservationChanges changes;
  private final Proposals proposals;

  RecordingAbsence(Context context) {
    this.context = context;
    this.changes = new ReservationChanges(context);
    this.proposals = new Proposals(context);
  }

  public Displacement record(StaffMember actor, AbsenceRequest request) {
    Context.permit(actor.mayManage(request.official()), "record an absence in another official's diary");
    return context.storage.transactions().inTransaction(() -> {
      context.storage.diaries().lock(request.official());
      Official official = context.official(request.official());
      Office office = context.officeOf(official.department());
      Absence absence = new Absence(AbsenceId.random(), official.id(), request.start(), request.end(),
          request.kind(), request.reason());
      context.storage.diaries().add(absence);
      List<Reservation> displaced = changes.displaceComing(official.id(), absence.start(), absence.end(),
          office.slotLength(), r -> true);
      context.audit(actor, "absence.record", absence.id().toString(), null,
          absence.kind() + " " + absence.official() + " " + absence.start() + ".." + absence.end()
              + " displaced=" + displaced.size());
      return new Displacement(absence.id().toString(), displaced);
    });
  }

  /**
   * The official's absences that overlap [from, to); an official sees only their own.
   *
   * @throws InvalidInput (field {@code from} or {@code to}) if one is missing or the range is empty
   */
  public List<Absence> absences(StaffMember actor, OfficialId official, Instant from, Instant to) {
    if (from == null) {
      throw new InvalidInput("from", "is required");
    }
    if (to == null) {
      throw new InvalidInput("to", "is required");
    }
    if (!from.isBefore(to)) {
      throw new InvalidInput("to", "must be after from");
    }
    Context.permit(actor.mayManage(official), "see another official's absences");
    return context.storage.diaries().absences(List.of(official), from, to);
  }

  /** One absence; an official sees only their own. */
  public Absence absence(StaffMember actor, AbsenceId id) {
    Absence absence = context.storage.diaries().absence(id).orElseThrow(() -> new NotFound("absence", id.toString()));
    Context.permit(actor.mayManage(absence.official()), "see another official's absences");
    return absence;
  }

  /** Removes an absence; reservations it displaced stay on the worklist until resolved. */
  public void remove(StaffMember actor, AbsenceId id) {
    remove(actor, id, false);
  }

  /**
   * The reservations the absence displaced that are still displaced (not yet re-arranged): what
   * undoing it may restore, earliest first.
   */
  public List<Reservation> displacedBy(StaffMember actor, AbsenceId id) {
    Absence absence = absence(actor, id);
    return stillDisplaced(absence);
  }

  /**
   * Removes an absence (entered by mistake, say). With {@code restore}, the reservations it
   * displaced that are still displaced and whose original time is still free go back to it: their
   * holds of proposals end and each citizen is told the meeting stands as booked, with the calendar
   * entry updated. Those whose time was taken meanwhile stay displaced. Without it, they all stay
   * on the worklist until resolved.
   */
  public Restoration remove(StaffMember actor, AbsenceId id, boolean restore) {
    return context.storage.transactions().inTransaction(() -> {
      Absence found = context.storage.diaries().absence(id)
          .orElseThrow(() -> new NotFound("absence", id.toString()));
      Context.permit(actor.mayManage(found.official()), "remove an absence from another official's diary");
      context.storage.diaries().lock(found.official());
      // Read again under the diary's lock: a concurrent removal answers NotFound, not a second undo.
      Absence absence = context.storage.diaries().absence(id)
          .orElseThrow(() -> new NotFound("absence", id.toString()));
      context.storage.diaries().remove(id);
      List<Reservation> restored = new ArrayList<>();
      List<Reservation> kept = new ArrayList<>();
      List<Reservation> candidates = stillDisplaced(absence);
      if (restore) {
        // One displaced citizen's proposals may lie in another's original time (freed by the
        // displacement): all of them are let go first, and those who stay displaced are held anew.
        candidates.forEach(changes::releaseProposals);
      }
      for (Reservation r : candidates) {
        if (restore && restorable(r)) {
          restored.add(restore(r));
        } else {
          kept.add(r);
        }
      }
      if (restore) {
        proposals.hold(kept);
      }
      context.freed(absence.official(), absence.start(), absence.end());
      context.audit(actor, "absence.remove", id.toString(),
          absence.kind() + " " + absence.official() + " " + absence.start() + ".." + absence.end(),
          restore ? "restored=" + restored.size() + " stillDisplaced=" + kept.size() : null);
      return new Restoration(id.toString(), restored, kept);
    });
  }

  private List<Reservation> stillDisplaced(Absence absence) {
    return context.storage.reservations().ofOfficial(absence.official(), absence.start(), absence.end()).stream()
        .filter(r -> r.status() == Status.DISPLACED)
        .sorted(Comparator.comparing(Reservation::start))
        .toList();
  }

  /**
   * Whether its original time is still its to take: ahead, in the diary with the absence gone, and
   * held by nobody (the diary is locked, so nobody takes it before this unit of work ends).
   */
  private boolean restorable(Reservation r) {
    Official official = context.official(r.official());
    Office office = context.officeOf(official.department());
    Agenda agenda = context.agenda(r.agenda());
    if (!official.active() || !r.start().isAfter(context.now()) || !agenda.handledBy(official.id())) {
      return false;
    }
    // Its own proposals cannot lie at its original time: that time was absent when they were chosen.
    return context.freeTime.fits(office, official.id(), r.start(), agenda.id(), agenda.slots(), FreeTime.Ignore.NOTHING);
  }

  private Reservation restore(Reservation r) {
    Office office = context.officeOf(r.department());
    Reservation restored = r.withStatus(Status.ACTIVE, null, context.now());
    context.storage.reservations().update(restored, office.slotLength());
    context.notify(restored, MessageKind.RESTORED);
    context.publish(restored, WebhookEventType.MOVED);
    context.remind(restored, office);
    return restored;
  }
}
