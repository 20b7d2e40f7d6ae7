/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;


import java.util.List;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WorkNote;

/** The operators' worklist. Items leave it when resolved through {@link HandlingReservations}. */
public final class WorkingTheWorklist {
  private final Context context;
  private final Proposals proposals;

  WorkingTheWorklist(Context context) {
    this.context = context;
    this.proposals = new Proposals(context);
  }

  public Worklist worklist(StaffMember actor) {
    requireOperator(actor);
    List<WorklistItem> items = context.storage.reservations().displaced().stream()
        .map(r -> new WorklistItem(r, proposals.current(r), context.storage.reservations().workNotes(r.id()),
            context.storage.reservations().callRequested(r.id()).orElse(null)))
        .toList();
    return new Worklist(items, context.storage.outbox().parked(), KeepingBusyFeeds.open(context));
  }

  /** Puts an undelivered message back in line (after the address was corrected or the server fixed). */
  public void retryMessage(StaffMember actor, MessageId id) {
    requireOperator(actor);
    context.storage.transactions().run(() -> {
      context.storage.outbox().release(id, context.now());
      context.audit(actor, "message.retry", id.toString(), "PARKED", "PENDING");
    });
  }

  /**
   * Adds an operator's note, or a contact attempt ("called, no answer"), to a reservation: for
   * staff only, apart from the note the citizen receives. The time and the operator are recorded.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such reservation
   * @throws org.civicdiary.booking.error.InvalidInput naming {@code kind} or {@code body}
   */
  public WorkNote addNote(StaffMember actor, ReservationId id, WorkNote.Kind kind, String body) {
    requireOperator(actor);
    WorkNote note = new WorkNote(id, kind, body, actor.username(), context.now());
    return context.storage.transactions().inTransaction(() -> {
      context.storage.reservations().addWorkNote(note);
      // The audit says that a note was written, not what it says: the words may name the citizen.
      context.audit(actor, "reservation.work-note", id.toString(), null, "kind=" + kind);
      return note;
    });
  }

  /**
   * The notes and contact attempts of a reservation, oldest first.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such reservation
   */
  public List<WorkNote> notes(StaffMember actor, ReservationId id) {
    requireOperator(actor);
    return context.storage.transactions().inTransaction(() -> {
      context.storage.reservations().find(id).orElseThrow(() -> new NotFound("reservation", id.toString()));
      return context.storage.reservations().workNotes(id);
    });
  }

  private static void requireOperator(StaffMember actor) {
    Context.permit(actor.role().worksEveryDiary(), "work the operators' worklist");
  }
}
