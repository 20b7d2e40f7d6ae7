/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.Instant;
import java.util.List;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.BusyConflict;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.http.Route.Access;
import org.civicdiary.web.internal.http.Route.Limit;
import org.civicdiary.web.internal.problem.Problems;

/**
 * The official's busy feed (the URL of their own calendar) set, shown and cleared in the console,
 * and the operators' decision on a conflict it made. The core decides who may. The URL is never
 * shown back, only its host: a published calendar's URL is itself the key to the calendar.
 */
final class BusyFeedEndpoints {
  private final CivicDiary diary;
  /** Forgets this node's cached free time when a feed is cleared (its busy time is gone at once). */
  private final Runnable forget;

  /** What the official's page shows about their calendar and its last poll. */
  record BusyFeedView(String official, boolean active, String host, Instant polledAt, Instant succeededAt,
      String failure, String failureDetail) {
    static BusyFeedView of(BusyFeed f) {
      return new BusyFeedView(f.official().value(), true, f.url().getHost(), f.polledAt(), f.succeededAt(),
          f.failure() == null ? null : f.failure().name(), f.failureDetail());
    }
  }

  record BusyFeedBody(String url) {}

  /** A reservation that busy time from the official's calendar came to cover. */
  record ConflictView(String reservation, String code, String official, Instant start, Instant end,
      Instant busyStart, Instant busyEnd, Instant foundAt) {}

  BusyFeedEndpoints(CivicDiary diary, Runnable forget) {
    this.diary = diary;
    this.forget = forget;
  }

  List<Route> routes(String staffApi) {
    String feed = staffApi + "/officials/{id}/busy-feed";
    return List.of(
        route("GET", feed, this::show),
        route("PUT", feed, this::set),
        route("DELETE", feed, this::clear),
        route("POST", staffApi + "/busy-conflicts/{id}/dismiss", this::dismiss));
  }

  private static Route route(String method, String template, Route.Action action) {
    return new Route(method, template, Access.STAFF, Limit.NONE, Problems.Disclosure.FULL, action);
  }

  Reply show(Call call) {
    OfficialId official = OfficialId.of(call.path("id"));
    return Reply.ok(diary.keepingBusyFeeds().feed(call.member(), official).map(BusyFeedView::of)
        .orElse(new BusyFeedView(official.value(), false, null, null, null, null, null)));
  }

  Reply set(Call call) {
    BusyFeedBody body = call.body(BusyFeedBody.class);
    OfficialId official = OfficialId.of(call.path("id"));
    return Reply.ok(BusyFeedView.of(diary.keepingBusyFeeds().set(call.member(), official, body.url())));
  }

  Reply clear(Call call) {
    OfficialId official = OfficialId.of(call.path("id"));
    if (!diary.keepingBusyFeeds().clear(call.member(), official)) {
      throw new NotFound("busy feed", official.value());
    }
    forget.run();
    return Reply.noContent();
  }

  Reply dismiss(Call call) {
    call.noBody();
    ReservationId id = ReservationId.parse(call.path("id"));
    if (!diary.keepingBusyFeeds().dismiss(call.member(), id)) {
      throw new NotFound("busy conflict", id.toString());
    }
    return Reply.noContent();
  }

  /** The worklist's conflicts with their reservations' codes and times. */
  static List<ConflictView> conflicts(CivicDiary diary, StaffMember actor, List<BusyConflict> conflicts) {
    return conflicts.stream().map(c -> {
      Reservation r = diary.handlingReservations().find(actor, c.reservation());
      return new ConflictView(r.id().toString(), r.code().value(), r.official().value(), r.start(), r.end(),
          c.busyStart(), c.busyEnd(), c.foundAt());
    }).toList();
  }
}
