/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.model.ClosureDay;
import org.civicdiary.booking.model.ClosureDayId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.ClosureDayRequest;
import org.civicdiary.booking.usecase.Displacement;
import org.civicdiary.web.internal.api.Views.ReservationView;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.http.Route.Access;
import org.civicdiary.web.internal.http.Route.Limit;
import org.civicdiary.web.internal.problem.Problems;

/** An office's closure days: administrators of the office list, add and remove them; the core checks who. */
final class ClosureDayEndpoints {
  private final CivicDiary diary;
  /** Forgets this node's cached free time: a closed or reopened day changes it at once. */
  private final Runnable forget;

  record ClosureDayView(String id, String office, String department, LocalDate date, String reason) {
    static ClosureDayView of(ClosureDay d) {
      return new ClosureDayView(d.id().toString(), d.office().value(),
          d.department() == null ? null : d.department().value(), d.date(), d.reason());
    }
  }

  record ClosureDaysView(List<ClosureDayView> closureDays) {}

  record RecordedClosureDayView(ClosureDayView closureDay, List<ReservationView> displaced) {}

  /** {@code department} left out closes the whole office. */
  record ClosureDayBody(LocalDate date, String department, String reason) {}

  ClosureDayEndpoints(CivicDiary diary, Runnable forget) {
    this.diary = diary;
    this.forget = forget;
  }

  List<Route> routes(String staffApi) {
    String days = staffApi + "/offices/{id}/closure-days";
    return List.of(
        route("GET", days, this::list),
        route("POST", days, this::record),
        route("DELETE", staffApi + "/closure-days/{id}", this::remove));
  }

  private static Route route(String method, String template, Route.Action action) {
    return new Route(method, template, Access.STAFF, Limit.NONE, Problems.Disclosure.FULL, action);
  }

  Reply list(Call call) {
    LocalDate from = Bodies.required("from", call.date("from"));
    LocalDate to = Bodies.required("to", call.date("to"));
    return Reply.ok(new ClosureDaysView(diary.recordingClosureDay()
        .closureDays(call.member(), OfficeId.of(call.path("id")), from, to).stream().map(ClosureDayView::of).toList()));
  }

  Reply record(Call call) {
    OfficeId office = OfficeId.of(call.path("id"));
    ClosureDayBody body = call.body(ClosureDayBody.class);
    Displacement displacement = diary.recordingClosureDay().record(call.member(), new ClosureDayRequest(office,
        body.department() == null ? null : DepartmentId.of(body.department()), Bodies.required("date", body.date()),
        body.reason()));
    forget.run();
    ClosureDayId id = ClosureDayId.parse(displacement.subject());
    ClosureDay day = diary.recordingClosureDay().closureDays(call.member(), office, body.date(), body.date()).stream()
        .filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    return Reply.json(201, new RecordedClosureDayView(ClosureDayView.of(day),
        displacement.displaced().stream().map(ReservationView::of).toList()))
        .header("Location", call.mount() + "/api/v1/staff/closure-days/" + id);
  }

  Reply remove(Call call) {
    call.noBody();
    diary.recordingClosureDay().remove(call.member(), ClosureDayId.parse(call.path("id")));
    forget.run();
    return Reply.noContent();
  }
}
