/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.StaffMember;

/**
 * Recording that an official is away (holiday, illness, training, a block). Reservations in that
 * time are displaced: their citizens are told and they go on the operators' worklist.
 */
public final class RecordingAbsence {
  private final Context context;
  private final ReservationChanges changes;

  RecordingAbsence(Context context) {
    this.context = context;
    this.changes = new ReservationChanges(context);
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
    context.storage.transactions().run(() -> {
      Absence absence = context.storage.diaries().absence(id)
          .orElseThrow(() -> new NotFound("absence", id.toString()));
      Context.permit(actor.mayManage(absence.official()), "remove an absence from another official's diary");
      context.storage.diaries().remove(id);
      context.freed(absence.official(), absence.start(), absence.end());
      context.audit(actor, "absence.remove", id.toString(),
          absence.kind() + " " + absence.official() + " " + absence.start() + ".." + absence.end(), null);
    });
  }
}
