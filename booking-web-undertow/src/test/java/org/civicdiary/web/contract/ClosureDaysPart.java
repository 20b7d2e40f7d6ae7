/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.Status;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Closure days over HTTP: an administrator closes a department for a day, which displaces its
 * meetings onto the worklist and offers no free time; bad requests are problems and change nothing.
 * The part keeps to a department of its own ("elections") whose official nobody else books.
 */
abstract class ClosureDaysPart extends ContractPart {
  static final String ELECTIONS = "elections";
  static final String VOLEBNI = "volebni";
  static final String VOTER_ID = "voter-id";
  private static final String DAYS = "/api/v1/staff/offices/p6/closure-days";

  ClosureDaysPart(HttpApiContract contract) {
    super(contract);
  }

  private void elections() {
    department(ELECTIONS, "Volební odbor", "Elections", VOLEBNI);
    ApiClient admin = c.as(ADMIN);
    assertThat(admin.put("/api/v1/staff/agendas/" + VOTER_ID, Map.of("department", ELECTIONS,
        "name", Map.of("cs", "Voličský průkaz", "en", "Voter's pass"), "slots", 1, "officials", List.of(VOLEBNI)))
        .status()).isEqualTo(200);
    assertThat(admin.put("/api/v1/staff/officials/" + VOLEBNI + "/windows", Map.of("windows", List.of(
        Map.of("day", "THURSDAY", "start", "16:00", "end", "18:00", "validFrom", "2027-01-01")))).status())
        .isEqualTo(200);
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 0)).atZone(TestOffice.PRAGUE).toInstant();
  }

  private JsonNode slots(LocalDate day) {
    Response r = api().get("/api/v1/departments/" + ELECTIONS + "/slots?agenda=" + VOTER_ID + "&from=" + day);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("slots");
  }

  private static Map<String, Object> closing(LocalDate day) {
    return Map.of("date", day.toString(), "department", ELECTIONS, "reason", "Volby");
  }

  @Test
  void aClosureDayOverBookedTimeDisplacesOntoTheWorklistAndOffersNoTime() {
    elections();
    LocalDate election = LocalDate.of(2027, 3, 25);
    String booked = c.book(VOLEBNI, VOTER_ID, at(election, 16)).path("reservation").path("id").asText();

    Response closed = c.as(ADMIN).post(DAYS, closing(election));
    assertThat(closed.status()).as(closed.body()).isEqualTo(201);
    String id = closed.json().path("closureDay").path("id").asText();
    assertThat(closed.header("Location").orElseThrow()).endsWith("/api/v1/staff/closure-days/" + id);
    assertThat(closed.json().path("closureDay").path("department").asText()).isEqualTo(ELECTIONS);
    assertThat(closed.json().path("displaced").get(0).path("id").asText()).isEqualTo(booked);
    assertThat(c.statusOf(booked)).isEqualTo(Status.DISPLACED);
    List<String> worklist = new ArrayList<>();
    c.as(OPERATOR).get("/api/v1/staff/worklist").json().path("displaced")
        .forEach(i -> worklist.add(i.path("reservation").path("id").asText()));
    assertThat(worklist).contains(booked);
    JsonNode plan = c.as(ADMIN).get("/api/v1/staff/officials/" + VOLEBNI + "/day-plan?date=" + election).json();
    assertThat(plan.path("closures")).hasSize(1);
    assertThat(plan.path("closures").get(0).path("id").asText()).as("the plan says why").isEqualTo(id);
    assertThat(plan.path("closures").get(0).path("reason").asText()).isEqualTo("Volby");
    assertThat(c.as(ADMIN).get("/api/v1/staff/officials/" + VOLEBNI + "/day-plan?date=" + election.plusDays(7))
        .json().path("closures")).isEmpty();

    assertThat(slots(election)).isEmpty();
    JsonNode refused = assertProblem(api().post("/api/v1/reservations",
        HttpApiContract.booking(VOLEBNI, VOTER_ID, at(election, 17), HttpApiContract.email())),
        422, "slot-not-bookable", "start");
    assertThat(refused.path("reason").asText()).isEqualTo("CLOSED");
    JsonNode listed = c.as(ADMIN).get(DAYS + "?from=" + election + "&to=" + election).json().path("closureDays");
    assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
    List<String> audit = new ArrayList<>();
    c.as(ADMIN).get("/api/v1/staff/audit?limit=20").json().path("entries")
        .forEach(e -> audit.add(e.path("action").asText()));
    assertThat(audit).contains("closure.record");

    assertProblem(c.as(ADMIN).post(DAYS, closing(election)), 409, "state-conflict", null);
    assertThat(c.as(ADMIN).delete("/api/v1/staff/closure-days/" + id).status()).isEqualTo(204);
    assertThat(slots(election)).isNotEmpty();
  }

  @Test
  void badRequestsAndOtherOfficesAreProblemsAndChangeNothing() {
    elections();
    LocalDate day = LocalDate.of(2027, 4, 1);
    assertProblem(c.as(ADMIN).post(DAYS, Map.of("department", ELECTIONS)), 400, "invalid-input", "date");
    assertProblem(c.as(ADMIN).post(DAYS, closing(LocalDate.of(2027, 2, 1))), 400, "invalid-input", "date");
    assertProblem(c.as(ADMIN).post(DAYS, Map.of("date", day.toString(), "department", "no-such")), 404,
        "not-found", null);
    assertProblem(c.as(OPERATOR).post(DAYS, closing(day)), 403, "not-permitted", null);
    assertProblem(c.as(ADMIN).get(DAYS + "?from=" + day), 400, "invalid-input", "to");
    SecondOffice.ensure(c);
    assertProblem(c.as(SecondOffice.ADMIN_B).post(DAYS, closing(day)), 404, "not-found", null);
    assertProblem(c.as(SecondOffice.ADMIN_B).get(DAYS + "?from=" + day + "&to=" + day), 404, "not-found", null);
    assertProblem(c.as(ADMIN).delete("/api/v1/staff/closure-days/" + java.util.UUID.randomUUID()), 404,
        "not-found", null);
    assertThat(c.as(ADMIN).get(DAYS + "?from=" + day + "&to=" + day).json().path("closureDays")).isEmpty();
    assertThat(slots(day)).isNotEmpty();
  }
}
