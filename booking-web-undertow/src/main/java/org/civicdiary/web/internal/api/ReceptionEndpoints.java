/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.Instant;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.NowServing;
import org.civicdiary.booking.usecase.Visit;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.http.Route.Access;
import org.civicdiary.web.internal.http.Route.Limit;
import org.civicdiary.web.internal.problem.Problems;

/**
 * The reception's day list and check-in, the official's start and end of a meeting, and the
 * hall's public "now serving" screen. The core decides who may.
 */
final class ReceptionEndpoints {
  /** How long a screen, or a proxy before several, may keep the "now serving" answer. */
  static final String NOW_SERVING_CACHE = "public, max-age=5";
  private final CivicDiary diary;

  /**
   * One booked citizen of the day: the citizen's name only (no contact, no topic), and whether and
   * since when they wait.
   */
  record VisitView(String reservation, String code, String status, Instant start, Instant end, String department,
      LocalizedText departmentName, String official, String officialName, String room, String citizen,
      Instant arrivedAt, Instant startedAt, Instant endedAt) {}

  record TodayView(String office, List<VisitView> visits) {}

  /** One of the two: the booking code as the citizen reads it out, or the reservation clicked on the list. */
  record CheckInBody(String code, String reservation) {}

  record CalledView(String code, String where, Instant since) {}

  record NowServingView(String office, Instant at, List<CalledView> called, List<String> waiting) {}

  ReceptionEndpoints(CivicDiary diary) {
    this.diary = diary;
  }

  List<Route> routes(String v1) {
    String staffApi = v1 + "/staff";
    return List.of(
        staff("GET", staffApi + "/reception/today", this::today),
        staff("POST", staffApi + "/reception/check-in", this::checkIn),
        staff("POST", staffApi + "/reservations/{id}/start", this::start),
        staff("POST", staffApi + "/reservations/{id}/end", this::end),
        new Route("GET", v1 + "/offices/{id}/now-serving", Access.PUBLIC, Limit.QUERY, Problems.Disclosure.FULL,
            this::nowServing));
  }

  private static Route staff(String method, String template, Route.Action action) {
    return new Route(method, template, Access.STAFF, Limit.NONE, Problems.Disclosure.FULL, action);
  }

  Reply today(Call call) {
    String asked = call.query("office");
    List<Visit> visits = diary.checkingIn().today(call.member(), asked == null ? null : OfficeId.of(asked));
    // the office the list is of, for the link to its hall screen
    String office = asked != null ? asked : call.member().office() != null ? call.member().office().value()
        : diary.readingDirectory().offices().stream().findFirst()
        .map(o -> o.id().value()).orElse(null);
    return Reply.ok(new TodayView(office, visits.stream().map(this::view).toList()));
  }

  Reply checkIn(Call call) {
    CheckInBody body = call.body(CheckInBody.class);
    boolean byCode = body.code() != null && !body.code().isBlank();
    boolean byReservation = body.reservation() != null && !body.reservation().isBlank();
    if (byCode == byReservation) {
      throw new InvalidInput("code", "give either the booking code or the reservation");
    }
    Visit visit = byCode ? diary.checkingIn().checkIn(call.member(), BookingCode.parse(body.code()))
        : diary.checkingIn().checkIn(call.member(), ReservationId.parse(body.reservation()));
    return Reply.ok(view(visit));
  }

  Reply start(Call call) {
    return Reply.ok(view(diary.checkingIn().start(call.member(), ReservationId.parse(call.path("id")))));
  }

  Reply end(Call call) {
    return Reply.ok(view(diary.checkingIn().end(call.member(), ReservationId.parse(call.path("id")))));
  }

  Reply nowServing(Call call) {
    NowServing screen = diary.checkingIn().nowServing(OfficeId.of(call.path("id")));
    return Reply.ok(new NowServingView(screen.office().value(), screen.at(),
        screen.called().stream().map(c -> new CalledView(c.code().value(), c.where(), c.since())).toList(),
        screen.waiting().stream().map(BookingCode::value).toList())).header("Cache-Control", NOW_SERVING_CACHE);
  }

  private VisitView view(Visit v) {
    Reservation r = v.reservation();
    CheckIn k = v.checkIn();
    return new VisitView(r.id().toString(), r.code().value(), r.status().name(), r.start(), r.end(),
        r.department().value(), diary.readingDirectory().department(r.department()).name(), r.official().value(),
        v.official().name(), v.official().room(), r.citizen().name(), k == null ? null : k.arrivedAt(),
        k == null ? null : k.startedAt(), k == null ? null : k.endedAt());
  }
}
