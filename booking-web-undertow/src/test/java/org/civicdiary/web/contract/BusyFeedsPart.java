/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_NOVAK;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_SVOBODA;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.day;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.PolledFeed;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * The official's busy feed over HTTP: set and cleared by whom it may be, its status (never its
 * URL) on the official's page, its busy time out of free time and refused to bookings, and a
 * conflict with a booked meeting on the worklist for an operator to dismiss. Polls are applied
 * through the core here (the poller itself is booking-notify's, tested there against a local
 * server). Week 6, Thursday, novak is this part's.
 */
abstract class BusyFeedsPart extends ContractPart {
  private static final String PATH = "/api/v1/staff/officials/" + NOVAK + "/busy-feed";
  private static final String URL = "https://outlook.example/owa/calendar/abc/reachcalendar.ics";

  BusyFeedsPart(HttpApiContract contract) {
    super(contract);
  }

  private void poll(PolledFeed result) {
    CivicDiary.builder().storage(c.storage).clock(c.clock).build().keepingBusyFeeds()
        .apply(OfficialId.of(NOVAK), URI.create(URL), result, Duration.ofDays(1));
  }

  private List<String> freeStarts() {
    JsonNode slots = api().get("/api/v1/officials/" + NOVAK + "/slots?agenda=" + ID_CARD + "&from=" + day(6, 3)
        + "&to=" + day(6, 3)).json().path("slots");
    List<String> starts = new ArrayList<>();
    slots.forEach(s -> starts.add(s.path("start").asText()));
    return starts;
  }

  private JsonNode conflicts() {
    Response worklist = c.as(OPERATOR).get("/api/v1/staff/worklist");
    assertThat(worklist.status()).as(worklist.body()).isEqualTo(200);
    return worklist.json().path("conflicts");
  }

  @Test
  void theOfficialSetsTheirCalendarItsBusyTimeIsNotFreeAndAConflictWaitsForAnOperator() {
    c.as(ADMIN).delete(PATH); // the role matrix may have left one
    assertThat(c.as(OFFICIAL_SVOBODA).put(PATH, Map.of("url", URL)).status()).isEqualTo(403);
    assertThat(c.as(OPERATOR).put(PATH, Map.of("url", URL)).status()).isEqualTo(403);
    assertProblem(c.as(OFFICIAL_NOVAK).put(PATH, Map.of("url", "http://outlook.example/cal.ics")), 400,
        "invalid-input", "url");
    assertThat(c.as(ADMIN).get(PATH).json().path("active").asBoolean()).as("nothing changed").isFalse();

    Response set = c.as(OFFICIAL_NOVAK).put(PATH, Map.of("url", URL));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().path("active").asBoolean()).isTrue();
    assertThat(set.json().path("host").asText()).isEqualTo("outlook.example");
    assertThat(set.body()).as("the URL is the calendar's key: never shown back").doesNotContain("reachcalendar");

    String booked = c.book(NOVAK, ID_CARD, slot(6, 3, 4)).path("reservation").path("id").asText();
    poll(new PolledFeed.Fetched("\"1\"", null, List.of(
        new BusyTime(OfficialId.of(NOVAK), slot(6, 3, 0), slot(6, 3, 5)))));

    assertThat(freeStarts()).doesNotContain(slot(6, 3, 0).toString(), slot(6, 3, 3).toString())
        .contains(slot(6, 3, 5).toString());
    Map<String, Object> body = HttpApiContract.booking(NOVAK, ID_CARD, slot(6, 3, 1), HttpApiContract.email());
    assertThat(assertProblem(api().post("/api/v1/reservations", body), 422, "slot-not-bookable", "start")
        .path("reason").asText()).isEqualTo("ABSENT");

    JsonNode conflict = null;
    for (JsonNode k : conflicts()) {
      if (k.path("reservation").asText().equals(booked)) {
        conflict = k;
      }
    }
    assertThat(conflict).as("the booked meeting is on the worklist").isNotNull();
    assertThat(conflict.path("busyStart").asText()).isEqualTo(slot(6, 3, 0).toString());
    assertThat(c.as(OPERATOR).get("/api/v1/staff/reservations/" + booked).json().path("status").asText())
        .as("nothing cancelled").isEqualTo("ACTIVE");
    assertThat(c.as(OFFICIAL_NOVAK).post("/api/v1/staff/busy-conflicts/" + booked + "/dismiss", null).status())
        .isEqualTo(403);
    assertThat(c.as(OPERATOR).post("/api/v1/staff/busy-conflicts/" + booked + "/dismiss", null).status())
        .isEqualTo(204);
    assertThat(conflicts()).noneMatch(k -> k.path("reservation").asText().equals(booked));
    assertProblem(c.as(OPERATOR).post("/api/v1/staff/busy-conflicts/" + booked + "/dismiss", null), 404,
        "not-found", null);

    poll(new PolledFeed.Failed(BusyFeed.Failure.UNREACHABLE, "ConnectException"));
    JsonNode status = c.as(OPERATOR).get(PATH).json();
    assertThat(status.path("failure").asText()).isEqualTo("UNREACHABLE");
    assertThat(status.path("succeededAt").isNull()).isFalse();
    assertThat(freeStarts()).as("the last good busy time still applies").doesNotContain(slot(6, 3, 0).toString());
    JsonNode health = api().get("/health/ready").json();
    assertThat(health.path("status").asText()).as("a failing calendar is no reason to stop serving").isEqualTo("UP");
    assertThat(health.path("busyFeeds").path("failing").asInt()).isPositive();
    assertThat(health.path("busyFeeds").path("feeds").asInt()).isGreaterThanOrEqualTo(health.path("busyFeeds")
        .path("failing").asInt());

    assertThat(c.as(OFFICIAL_NOVAK).delete(PATH).status()).isEqualTo(204);
    assertThat(freeStarts()).contains(slot(6, 3, 0).toString());
    assertProblem(c.as(ADMIN).delete(PATH), 404, "not-found", null);
    assertThat(c.as(OPERATOR).post("/api/v1/staff/reservations/" + booked + "/cancel", Map.of("note", "uvolněno"))
        .status()).isEqualTo(200);
  }
}
