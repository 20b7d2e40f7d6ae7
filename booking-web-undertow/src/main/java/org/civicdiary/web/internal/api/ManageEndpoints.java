/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.internal.api.Bodies.RescheduleBody;
import org.civicdiary.web.internal.api.Views.ManageView;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.ResponseCache;

/**
 * The citizen's own reservation, opened by the token of the manage link. Every change is a POST
 * (mail scanners follow GET links). A token that opens nothing gets the same 404 however it is
 * wrong: guessed, mistyped, or another reservation's that was never issued.
 */
final class ManageEndpoints {
  private final CivicDiary diary;
  private final ResponseCache cache;

  ManageEndpoints(CivicDiary diary, ResponseCache cache) {
    this.diary = diary;
    this.cache = cache;
  }

  Reply view(Call call) {
    return Reply.ok(view(diary.managingOwnReservation().view(token(call))));
  }

  Reply cancel(Call call) {
    call.noBody();
    Reservation cancelled = diary.managingOwnReservation().cancel(token(call));
    cache.forget(cancelled.department(), cancelled.official());
    return Reply.ok(view(cancelled));
  }

  Reply reschedule(Call call) {
    ManageToken token = token(call);
    RescheduleBody body = call.body(RescheduleBody.class);
    OfficialId before = diary.managingOwnReservation().view(token).official();
    boolean displaced = diary.managingOwnReservation().view(token).status() == Status.DISPLACED;
    Reservation moved = diary.managingOwnReservation().reschedule(token,
        OfficialId.of(Bodies.required("official", body.official())), Bodies.required("start", body.start()));
    if (displaced) {
      // The times held for the citizen, with any colleague, are free again.
      cache.invalidate();
    } else {
      cache.forget(moved.department(), before, moved.official());
    }
    return Reply.ok(view(moved));
  }

  Reply proposals(Call call) {
    ManageToken token = token(call);
    List<Views.ProposalView> proposals = new ArrayList<>();
    for (FreeSlot slot : diary.managingOwnReservation().proposals(token)) {
      Official official = diary.readingDirectory().official(slot.official());
      proposals.add(new Views.ProposalView(official.id().value(), official.name(), official.room(), slot.start(),
          slot.end(), slot.place()));
    }
    return Reply.ok(new Views.ProposalsView(proposals,
        diary.managingOwnReservation().proposalsHeldUntil(token).orElse(null),
        diary.managingOwnReservation().callRequested(token).orElse(null)));
  }

  /** "Please call me": the times held for the citizen go, and the operators get a call task. */
  Reply callMe(Call call) {
    call.noBody();
    Reservation reservation = diary.managingOwnReservation().pleaseCall(token(call));
    cache.invalidate();
    return Reply.ok(view(reservation));
  }

  /** Accepts one of the proposed replacement times: only a time that is proposed right now. */
  Reply accept(Call call) {
    ManageToken token = token(call);
    RescheduleBody body = call.body(RescheduleBody.class);
    OfficialId before = diary.managingOwnReservation().view(token).official();
    Reservation moved = diary.managingOwnReservation().acceptProposal(token,
        OfficialId.of(Bodies.required("official", body.official())), Bodies.required("start", body.start()));
    // The other times held for the citizen, with any colleague, are free again.
    cache.invalidate();
    return Reply.ok(view(moved));
  }

  private static ManageToken token(Call call) {
    return ManageToken.parse(call.path("token"));
  }

  private ManageView view(Reservation r) {
    Department department = diary.readingDirectory().department(r.department());
    Official official = diary.readingDirectory().official(r.official());
    Agenda agenda = diary.readingDirectory().agenda(r.agenda());
    boolean changeable = diary.managingOwnReservation().changeable(r);
    return new ManageView(Views.ReservationView.of(r), new Views.Named(department.id().value(), department.name()),
        department.place(), new Views.OfficialRef(official.id().value(), official.name(), official.room()),
        new Views.Named(agenda.id().value(), agenda.name()), changeable, changeable);
  }
}
