/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_NOVAK;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.PASSWORD;
import static org.civicdiary.web.contract.TestOffice.PRAGUE;
import static org.civicdiary.web.contract.TestOffice.RECEPTION;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Check-in over HTTP: the reception's day list and check-in, the official's start and end of the
 * meeting, the hall's "now serving" data and the waiting-time and no-show statistics, with exact
 * numbers from the mutable clock. The part keeps to a department of its own ("registry"), whose
 * officials no other part books; each test takes a day of its own in week 9 and moves the clock
 * to that day, putting it back afterwards.
 */
abstract class CheckInPart extends ContractPart {
  static final String REGISTRY = "registry";
  static final String CERTIFICATE = "certificate";
  static final String KOS = "kos";
  static final String HOLUB = "holub";
  static final String KOS_LOGIN = "kos.login";

  CheckInPart(HttpApiContract contract) {
    super(contract);
  }

  @AfterEach
  void putTheClockBack() {
    c.resetClock();
  }

  /** The department, its officials with Monday-to-Friday windows, the agenda and kos's account; idempotent. */
  private void registry() {
    ApiClient admin = c.as(ADMIN);
    Map<String, Object> place = Map.of("name", "Radnice Praha 6", "address", "Čs. armády 23, Praha 6");
    ok(admin.put("/api/v1/staff/departments/" + REGISTRY, Map.of("office", "p6",
        "name", Map.of("cs", "Matrika", "en", "Registry office"), "place", place)));
    for (String official : List.of(KOS, HOLUB)) {
      ok(admin.put("/api/v1/staff/officials/" + official, Map.of("department", REGISTRY, "name", "Official " + official,
          "room", "Room " + official.toUpperCase(), "active", true)));
      List<Map<String, Object>> windows = new ArrayList<>();
      for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
        windows.add(Map.of("day", day, "start", "16:00", "end", "18:00", "validFrom", "2027-01-01"));
      }
      ok(admin.put("/api/v1/staff/officials/" + official + "/windows", Map.of("windows", windows)));
    }
    Map<String, Object> agenda = new LinkedHashMap<>();
    agenda.put("department", REGISTRY);
    agenda.put("name", Map.of("cs", "Rodný list", "en", "Birth certificate"));
    agenda.put("slots", 1);
    agenda.put("officials", List.of(KOS, HOLUB));
    ok(admin.put("/api/v1/staff/agendas/" + CERTIFICATE, agenda));
    ok(admin.put("/api/v1/staff/accounts/" + KOS_LOGIN, Map.of("role", "OFFICIAL", "official", KOS, "active", true,
        "password", PASSWORD)));
  }

  /** Moves the clock and forgets the sessions, which may have expired or idled out on the way. */
  private void jump(Instant to) {
    c.resetClock();
    c.clock.set(to);
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Slot {@code index} (0-7, from 16:00) of {@code date}. */
  private static Instant at(LocalDate date, int index) {
    return date.atTime(LocalTime.of(16, 0).plusMinutes(15L * index)).atZone(PRAGUE).toInstant();
  }

  private static Instant time(LocalDate date, int hour, int minute) {
    return date.atTime(hour, minute).atZone(PRAGUE).toInstant();
  }

  /** Booked on the web; the reservation's JSON. */
  private JsonNode web(String official, Instant start) {
    return c.book(official, CERTIFICATE, start).path("reservation");
  }

  private JsonNode checkIn(Map<String, Object> body) {
    return ok(c.as(RECEPTION).post("/api/v1/staff/reception/check-in", body));
  }

  private List<JsonNode> todayOfRegistry() {
    List<JsonNode> mine = new ArrayList<>();
    for (JsonNode v : ok(c.as(RECEPTION).get("/api/v1/staff/reception/today")).path("visits")) {
      if (v.path("department").asText().equals(REGISTRY)) {
        mine.add(v);
      }
    }
    return mine;
  }

  @Test
  void theReceptionChecksInByCodeAndTheOfficialSeesTheWaitStartsAndEnds() {
    registry();
    LocalDate day = TestOffice.day(9, 0);
    jump(time(day.minusDays(1), 12, 0));
    JsonNode first = web(KOS, at(day, 0));
    JsonNode second = web(KOS, at(day, 1));
    jump(time(day, 15, 40));

    List<JsonNode> list = todayOfRegistry();
    assertThat(list).extracting(v -> v.path("reservation").asText())
        .containsExactly(first.path("id").asText(), second.path("id").asText());
    assertThat(list.get(0).path("citizen").asText()).isEqualTo("Eva Nováková");
    assertThat(list.get(0).path("departmentName").path("en").asText()).isEqualTo("Registry office");
    assertThat(list.get(0).has("email")).isFalse();
    assertThat(list.get(0).path("arrivedAt").isNull()).isTrue();

    String code = first.path("code").asText();
    String typed = code.substring(0, 3).toLowerCase() + "-" + code.substring(3);
    JsonNode visit = checkIn(Map.of("code", typed));
    assertThat(visit.path("reservation").asText()).isEqualTo(first.path("id").asText());
    assertThat(Instant.parse(visit.path("arrivedAt").asText())).isEqualTo(time(day, 15, 40));
    JsonNode clicked = checkIn(Map.of("reservation", second.path("id").asText()));
    assertThat(clicked.path("code").asText()).isEqualTo(second.path("code").asText());

    jump(time(day, 16, 1));
    JsonNode plan = ok(c.as(KOS_LOGIN).get("/api/v1/staff/officials/" + KOS + "/day-plan?date=" + day));
    assertThat(plan.path("checkIns")).hasSize(2).allSatisfy(k -> {
      assertThat(Instant.parse(k.path("arrivedAt").asText())).isEqualTo(time(day, 15, 40));
      assertThat(k.path("startedAt").isNull()).isTrue();
    });

    String startPath = "/api/v1/staff/reservations/" + first.path("id").asText() + "/start";
    JsonNode started = ok(c.as(KOS_LOGIN).post(startPath, null));
    assertThat(Instant.parse(started.path("startedAt").asText())).isEqualTo(time(day, 16, 1));
    JsonNode screen = ok(api().get("/api/v1/offices/p6/now-serving"));
    assertThat(screen.path("called")).singleElement().satisfies(s -> {
      assertThat(s.path("code").asText()).isEqualTo(code);
      assertThat(s.path("where").asText()).isEqualTo("Room KOS");
    });
    assertThat(screen.path("waiting")).extracting(JsonNode::asText).contains(second.path("code").asText());
    assertThat(screen.toString()).doesNotContain("Eva", "Nováková", "ID card", "@");

    jump(time(day, 16, 12));
    JsonNode ended = ok(c.as(KOS_LOGIN).post("/api/v1/staff/reservations/" + first.path("id").asText() + "/end", null));
    assertThat(ended.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(Instant.parse(ended.path("endedAt").asText())).isEqualTo(time(day, 16, 12));
    assertThat(c.statusOf(first.path("id").asText())).hasToString("COMPLETED");
    assertThat(ok(api().get("/api/v1/offices/p6/now-serving")).path("called")).isEmpty();
  }

  @Test
  void refusalsAreProblemsAndChangeNothing() {
    registry();
    LocalDate day = TestOffice.day(9, 2);
    jump(time(day.minusDays(1), 12, 0));
    JsonNode once = web(KOS, at(day, 0));
    JsonNode cancelled = web(KOS, at(day, 1));
    JsonNode tomorrow = web(KOS, at(day.plusDays(1), 0));
    ok(c.as(OPERATOR).post("/api/v1/staff/reservations/" + cancelled.path("id").asText() + "/cancel",
        Map.of("note", "the citizen called")));
    jump(time(day, 15, 30));
    checkIn(Map.of("code", once.path("code").asText()));
    for (String who : List.of(KOS_LOGIN, OFFICIAL_NOVAK)) {
      c.token(who); // signed in before counting: a sign-in is audited
    }
    int audited = c.auditSize();

    assertProblem(c.as(RECEPTION).post("/api/v1/staff/reception/check-in", Map.of("code", once.path("code").asText())),
        409, "state-conflict", null);
    assertProblem(c.as(RECEPTION).post("/api/v1/staff/reception/check-in",
        Map.of("reservation", cancelled.path("id").asText())), 409, "state-conflict", null);
    assertProblem(c.as(RECEPTION).post("/api/v1/staff/reception/check-in", Map.of("code", tomorrow.path("code").asText())),
        409, "state-conflict", null);
    assertProblem(c.as(RECEPTION).post("/api/v1/staff/reception/check-in", Map.of("code", "0O1IL")), 400,
        "invalid-input", "code");
    assertProblem(c.as(RECEPTION).post("/api/v1/staff/reception/check-in", Map.of()), 400, "invalid-input", "code");
    String unknown = "/api/v1/staff/reservations/" + tomorrow.path("id").asText();
    assertProblem(c.as(KOS_LOGIN).post(unknown + "/start", null), 409, "state-conflict", null);
    assertProblem(c.as(KOS_LOGIN).post("/api/v1/staff/reservations/" + once.path("id").asText() + "/end", null),
        409, "state-conflict", null);
    assertProblem(c.as(OFFICIAL_NOVAK).post("/api/v1/staff/reservations/" + once.path("id").asText() + "/start", null),
        403, "not-permitted", null);
    assertProblem(c.as(RECEPTION).post("/api/v1/staff/reservations/" + once.path("id").asText() + "/start", null),
        403, "not-permitted", null);
    assertProblem(c.as(RECEPTION).get("/api/v1/staff/officials/" + KOS + "/day-plan?date=" + day), 403,
        "not-permitted", null);

    assertThat(c.auditSize()).isEqualTo(audited);
    assertThat(todayOfRegistry()).filteredOn(v -> !v.path("arrivedAt").isNull()).extracting(v -> v.path("reservation")
        .asText()).containsExactly(once.path("id").asText());
  }

  @Test
  void aReceptionOfAnotherOfficeNeitherListsNorChecksInThisOfficesCitizens() {
    registry();
    LocalDate day = TestOffice.day(9, 1);
    jump(time(day.minusDays(1), 12, 0));
    JsonNode booked = web(KOS, at(day, 5));
    jump(time(day, 16, 10));
    SecondOffice.ensure(c);
    ApiClient other = c.as(SecondOffice.RECEPTION_B);

    assertProblem(other.post("/api/v1/staff/reception/check-in", Map.of("code", booked.path("code").asText())),
        404, "not-found", null);
    assertProblem(other.post("/api/v1/staff/reception/check-in", Map.of("reservation", booked.path("id").asText())),
        404, "not-found", null);
    assertProblem(other.get("/api/v1/staff/reception/today?office=p6"), 404, "not-found", null);
    JsonNode own = ok(other.get("/api/v1/staff/reception/today"));
    assertThat(own.path("office").asText()).isEqualTo(SecondOffice.OFFICE);
    assertThat(own.path("visits").findValuesAsText("reservation")).doesNotContain(booked.path("id").asText());
    // nothing changed: Prague 6's own reception still checks the citizen in
    assertThat(checkIn(Map.of("code", booked.path("code").asText())).path("arrivedAt").isTextual()).isTrue();
  }

  @Test
  void nowServingIsPublicSmallAndCacheableForAFewSeconds() {
    Response r = api().get("/api/v1/offices/p6/now-serving");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("Cache-Control")).contains("public, max-age=5");
    assertThat(r.json().path("office").asText()).isEqualTo("p6");
    assertProblem(api().get("/api/v1/offices/nowhere/now-serving"), 404, "not-found", null);
  }

  @Test
  void statisticsGiveTheMedianAndP90OfWaitingAndTheNoShowRateByChannel() {
    registry();
    LocalDate day = TestOffice.day(9, 3);
    jump(time(day.minusDays(1), 12, 0));
    List<JsonNode> kos = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      kos.add(web(KOS, at(day, i)));
    }
    JsonNode missedOnline = web(HOLUB, at(day, 0));
    Map<String, Object> byPhone = HttpApiContract.booking(HOLUB, CERTIFICATE, at(day, 1), null);
    byPhone.remove("email");
    byPhone.remove("language");
    Response phoned = c.as(OPERATOR).post("/api/v1/staff/reservations", byPhone);
    assertThat(phoned.status()).as(phoned.body()).isEqualTo(201);
    String missedByPhone = phoned.json().path("reservation").path("id").asText();

    jump(time(day, 15, 50));
    for (JsonNode r : kos) {
      checkIn(Map.of("code", r.path("code").asText()));
    }
    // Waits of 2, 4, 6 and 10 minutes: the median (nearest rank 2) is 4 min, p90 (rank 4) 10 min.
    int[] startMinutes = {52, 54, 56, 60};
    for (int i = 0; i < 4; i++) {
      jump(time(day, 15, 0).plus(Duration.ofMinutes(startMinutes[i])));
      String path = "/api/v1/staff/reservations/" + kos.get(i).path("id").asText();
      ok(c.as(KOS_LOGIN).post(path + "/start", null));
      ok(c.as(KOS_LOGIN).post(path + "/end", null));
    }
    jump(time(day, 16, 40));
    for (String id : List.of(missedOnline.path("id").asText(), missedByPhone)) {
      ok(c.as(OPERATOR).post("/api/v1/staff/reservations/" + id + "/outcome", Map.of("status", "NO_SHOW")));
    }

    JsonNode statistics = ok(c.as(OPERATOR).get("/api/v1/staff/statistics?from=" + day + "&to=" + day
        + "&department=" + REGISTRY));

    assertThat(statistics.path("waiting")).singleElement().satisfies(w -> {
      assertThat(w.path("department").asText()).isEqualTo(REGISTRY);
      assertThat(w.path("visits").asLong()).isEqualTo(4);
      assertThat(w.path("medianSeconds").asLong()).isEqualTo(240);
      assertThat(w.path("p90Seconds").asLong()).isEqualTo(600);
    });
    Map<String, JsonNode> byChannel = new LinkedHashMap<>();
    statistics.path("noShows").forEach(n -> byChannel.put(n.path("channel").asText(), n));
    assertThat(byChannel.keySet()).containsExactly("WEB", "PHONE");
    assertThat(byChannel.get("WEB").path("completed").asLong()).isEqualTo(4);
    assertThat(byChannel.get("WEB").path("noShows").asLong()).isEqualTo(1);
    assertThat(byChannel.get("WEB").path("rate").asDouble()).isEqualTo(0.2);
    assertThat(byChannel.get("PHONE").path("completed").asLong()).isZero();
    assertThat(byChannel.get("PHONE").path("rate").asDouble()).isEqualTo(1.0);
  }
}
