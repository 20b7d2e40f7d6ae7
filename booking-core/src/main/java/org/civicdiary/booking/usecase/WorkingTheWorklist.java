/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.StaffMember;

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
        .map(r -> new WorklistItem(r, proposals.current(r),
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

  private static void requireOperator(StaffMember actor) {
    Context.permit(actor.role().worksEveryDiary(), "work the operators' worklist");
  }
}
