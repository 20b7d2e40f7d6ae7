/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.CIVIL;
import static org.civicdiary.web.contract.TestOffice.DVORAK;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_NOVAK;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_SVOBODA;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.PASSPORT;
import static org.civicdiary.web.contract.TestOffice.SVOBODA;
import static org.civicdiary.web.contract.TestOffice.day;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicdiary.booking.model.Status;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Operators, officials and administrators at work. Weeks 5 and 6 are this part's. */
abstract class StaffFlowsPart extends ContractPart {
  StaffFlowsPart(HttpApiContract contract) {
    super(contract);
  }

  @Test
  void anAbsenceDisplacesBookingsAnOperatorMovesOneCancelsAnotherAndTheCitizenAcceptsAProposal() {
    JsonNode first = c.book(SVOBODA, ID_CARD, slot(5, 1, 0));
    JsonNode second = c.book(SVOBODA, ID_CARD, slot(5, 1, 1));
    JsonNode third = c.book(SVOBODA, ID_CARD, slot(5, 1, 2));
    String firstId = first.path("reservation").path("id").asText();
    String secondId = second.path("reservation").path("id").asText();
    String thirdId = third.path("reservation").path("id").asText();

    Response absence = c.as(OFFICIAL_SVOBODA).post("/api/v1/staff/officials/" + SVOBODA + "/absences", Map.of(
        "start", slot(5, 1, 0).minus(Duration.ofHours(1)).toString(), "end", slot(5, 1, 0).plus(Duration.ofHours(3)).toString(),
        "kind", "ILLNESS", "reason", "flu"));
    assertThat(absence.status()).as(absence.body()).isEqualTo(201);
    assertThat(PublicReadsPart.ids(absence.json().path("displaced"))).containsExactlyInAnyOrder(firstId, secondId, thirdId);
    assertThat(c.statusOf(firstId)).isEqualTo(Status.DISPLACED);
    assertThat(api().get("/api/v1/officials/" + SVOBODA + "/slots?agenda=" + ID_CARD + "&from=" + day(5, 1)).json()
        .path("slots")).as("an ill official offers no time").isEmpty();

    JsonNode worklist = c.as(OPERATOR).get("/api/v1/staff/worklist").json();
    List<String> onWorklist = new ArrayList<>();
    worklist.path("displaced").forEach(i -> onWorklist.add(i.path("reservation").path("id").asText()));
    assertThat(onWorklist).contains(firstId, secondId, thirdId);
    JsonNode item = worklist.path("displaced").get(onWorklist.indexOf(firstId));
    assertThat(item.path("proposals")).isNotEmpty();

    Response moved = c.as(OPERATOR).post("/api/v1/staff/reservations/" + firstId + "/move",
        Map.of("official", NOVAK, "start", slot(5, 1, 0).toString(), "note", "agreed by phone"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().path("status").asText()).isEqualTo("ACTIVE");
    assertThat(moved.json().path("official").asText()).isEqualTo(NOVAK);
    assertThat(moved.json().path("note").asText()).isEqualTo("agreed by phone");

    assertProblem(c.as(OPERATOR).post("/api/v1/staff/reservations/" + secondId + "/cancel", Map.of()), 400, "invalid-input", "note");
    Response cancelled = c.as(OPERATOR).post("/api/v1/staff/reservations/" + secondId + "/cancel", Map.of("note", "the citizen will come another week"));
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(c.statusOf(secondId)).isEqualTo(Status.CANCELLED);

    String thirdToken = third.path("manage").path("token").asText();
    JsonNode view = api().get("/api/v1/manage/" + thirdToken).json();
    assertThat(view.path("reservation").path("status").asText()).isEqualTo("DISPLACED");
    assertThat(view.path("canReschedule").asBoolean()).isTrue();
    JsonNode proposals = api().get("/api/v1/manage/" + thirdToken + "/proposals").json().path("proposals");
    assertThat(proposals).isNotEmpty();
    JsonNode proposal = proposals.get(0);
    assertProblem(api().post("/api/v1/manage/" + thirdToken + "/accept",
        Map.of("official", DVORAK, "start", slot(6, 4, 7).toString())), 409, "state-conflict", null);
    Response accepted = api().post("/api/v1/manage/" + thirdToken + "/accept",
        Map.of("official", proposal.path("official").asText(), "start", proposal.path("start").asText()));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().path("reservation").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(accepted.json().path("reservation").path("start").asText()).isEqualTo(proposal.path("start").asText());

    List<String> after = new ArrayList<>();
    c.as(OPERATOR).get("/api/v1/staff/worklist").json().path("displaced")
        .forEach(i -> after.add(i.path("reservation").path("id").asText()));
    assertThat(after).doesNotContain(firstId, secondId, thirdId);
    JsonNode audit = c.as(ADMIN).get("/api/v1/staff/audit?limit=50").json().path("entries");
    List<String> actions = new ArrayList<>();
    audit.forEach(e -> actions.add(e.path("actor").asText() + " " + e.path("action").asText()));
    assertThat(actions).contains(OPERATOR + " reservation.move", OPERATOR + " reservation.cancel",
        OFFICIAL_SVOBODA + " absence.record");
  }

  @Test
  void anOperatorBooksForACallerWithoutEmailAndRetriesSafely() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("official", NOVAK);
    body.put("agenda", PASSPORT);
    body.put("start", slot(5, 2, 0).toString());
    body.put("name", "Josef Caller");
    body.put("phone", "+420 602 000 111");
    body.put("topic", "passport for a child");
    String key = UUID.randomUUID().toString();
    Response booked = c.as(OPERATOR).post("/api/v1/staff/reservations", body, "Idempotency-Key", key);
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    JsonNode reservation = booked.json().path("reservation");
    assertThat(reservation.path("channel").asText()).isEqualTo("PHONE");
    assertThat(reservation.path("citizen").path("email").isNull()).isTrue();
    assertThat(reservation.path("end").asText()).isEqualTo(slot(5, 2, 2).toString());
    Response again = c.as(OPERATOR).post("/api/v1/staff/reservations", body, "Idempotency-Key", key);
    assertThat(again.json().path("reservation").path("id")).isEqualTo(reservation.path("id"));
    assertThat(c.reservationsAt(NOVAK, slot(5, 2, 0))).isEqualTo(1);

    JsonNode found = c.as(OPERATOR).get("/api/v1/staff/reservations?text=josef").json().path("reservations");
    assertThat(PublicReadsPart.ids(found)).contains(reservation.path("id").asText());
    JsonNode own = c.as(OFFICIAL_SVOBODA).get("/api/v1/staff/reservations?text=josef").json().path("reservations");
    assertThat(own).as("an official finds only their own diary's reservations").isEmpty();
  }

  @Test
  void theBookingCodeIsInTheAnswerTheManagePageAndTheStaffViewsAndStaffFindByIt() {
    JsonNode booked = c.book(NOVAK, ID_CARD, slot(6, 2, 3));
    String id = booked.path("reservation").path("id").asText();
    String code = booked.path("reservation").path("code").asText();
    assertThat(code).matches("[34679ACDEFGHJKMNPQRTUVWXY]{7}");
    String token = booked.path("manage").path("token").asText();
    assertThat(api().get("/api/v1/manage/" + token).json().path("reservation").path("code").asText()).isEqualTo(code);
    JsonNode plan = c.as(OFFICIAL_NOVAK).get("/api/v1/staff/officials/" + NOVAK + "/day-plan?date=" + day(6, 2)).json();
    assertThat(plan.path("reservations").findValuesAsText("code")).contains(code);

    String typed = code.substring(0, 3).toLowerCase(java.util.Locale.ROOT) + "-" + code.substring(3).toLowerCase(java.util.Locale.ROOT);
    JsonNode found = c.as(OPERATOR).get("/api/v1/staff/reservations?text=" + typed).json().path("reservations");
    assertThat(PublicReadsPart.ids(found)).containsExactly(id);
    assertThat(found.get(0).path("code").asText()).isEqualTo(code);
    JsonNode spaced = c.as(OPERATOR).get("/api/v1/staff/reservations?text=" + code.substring(0, 3) + "%20" + code.substring(3))
        .json().path("reservations");
    assertThat(PublicReadsPart.ids(spaced)).containsExactly(id);
    JsonNode other = c.as(OFFICIAL_SVOBODA).get("/api/v1/staff/reservations?text=" + code).json().path("reservations");
    assertThat(other).as("an official finds only their own diary's reservations, by code too").isEmpty();
  }

  @Test
  void anOfficialsDayPlanAndTheOutcomeOfAMeeting() {
    JsonNode booked = c.book(NOVAK, ID_CARD, slot(5, 3, 4));
    String id = booked.path("reservation").path("id").asText();
    JsonNode plan = c.as(OFFICIAL_NOVAK).get("/api/v1/staff/officials/" + NOVAK + "/day-plan?date=" + day(5, 3)).json();
    assertThat(plan.path("windows")).hasSize(1);
    assertThat(PublicReadsPart.ids(plan.path("reservations"))).contains(id);
    assertThat(plan.path("reservations").get(0).path("citizen").path("name").asText()).isEqualTo("Eva Nováková");
    assertProblem(c.as(OFFICIAL_NOVAK).post("/api/v1/staff/reservations/" + id + "/outcome", Map.of("status", "NO_SHOW")),
        409, "state-conflict", null);
    assertProblem(c.as(OFFICIAL_NOVAK).post("/api/v1/staff/reservations/" + id + "/outcome", Map.of("status", "LATE")),
        400, "invalid-input", "status");
    try {
      c.clock.set(slot(5, 3, 5));
      Response outcome = api().bearer(c.login(OFFICIAL_NOVAK)).post("/api/v1/staff/reservations/" + id + "/outcome", Map.of("status", "NO_SHOW"));
      assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
      assertThat(c.statusOf(id)).isEqualTo(Status.NO_SHOW);
    } finally {
      c.resetClock();
    }
    JsonNode weeks = c.as(ADMIN).get("/api/v1/staff/statistics?from=" + day(5, 0) + "&to=" + day(5, 6) + "&department=" + CIVIL)
        .json().path("weeks");
    assertThat(weeks).hasSize(1);
    assertThat(weeks.get(0).path("week").asText()).isEqualTo("2027-W14");
    assertThat(weeks.get(0).path("noShows").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(weeks.get(0).path("bookings").asInt())
        .isEqualTo(weeks.get(0).path("web").asInt() + weeks.get(0).path("phone").asInt());
  }

  @Test
  void aScheduleChangeDisplacesWhatNoLongerFitsAndAdminsKeepTheDirectory() {
    JsonNode friday = c.book(DVORAK, ID_CARD, slot(6, 4, 0));
    String id = friday.path("reservation").path("id").asText();
    JsonNode windows = c.as(ADMIN).get("/api/v1/staff/officials/" + DVORAK + "/windows").json().path("windows");
    assertThat(windows).hasSize(5);
    List<JsonNode> withoutFriday = new ArrayList<>();
    windows.forEach(w -> {
      if (!w.path("day").asText().equals("FRIDAY")) {
        withoutFriday.add(w);
      }
    });
    Response changed = c.as(ADMIN).put("/api/v1/staff/officials/" + DVORAK + "/windows", Map.of("windows", withoutFriday));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(PublicReadsPart.ids(changed.json().path("displaced"))).containsExactly(id);
    assertThat(c.as(ADMIN).put("/api/v1/staff/officials/" + DVORAK + "/windows", Map.of("windows", windows)).status()).isEqualTo(200);
    // Resolved, so that the times held for its citizen (week 6's Thursday) are free for the other parts.
    assertThat(c.as(OPERATOR).post("/api/v1/staff/reservations/" + id + "/cancel",
        Map.of("note", "the citizen will call")).status()).isEqualTo(200);
    Map<String, Object> misaligned = new LinkedHashMap<>();
    misaligned.put("day", "MONDAY");
    misaligned.put("start", "16:05");
    misaligned.put("end", "18:00");
    misaligned.put("validFrom", "2027-01-01");
    assertProblem(c.as(ADMIN).put("/api/v1/staff/officials/" + DVORAK + "/windows", Map.of("windows", List.of(misaligned))),
        400, "invalid-input", "windows[0]");
    misaligned.put("end", "15:00");
    misaligned.put("start", "16:00");
    assertProblem(c.as(ADMIN).put("/api/v1/staff/officials/" + DVORAK + "/windows", Map.of("windows", List.of(misaligned))),
        400, "invalid-input", "windows[0].end");
    assertThat(c.as(ADMIN).get("/api/v1/staff/officials/" + DVORAK + "/windows").json().path("windows")).hasSize(5);

    Map<String, Object> agenda = new LinkedHashMap<>();
    agenda.put("department", CIVIL);
    agenda.put("name", Map.of("cs", "Řidičský průkaz", "en", "Driving licence"));
    agenda.put("slots", 2);
    agenda.put("officials", List.of(DVORAK));
    assertThat(c.as(ADMIN).put("/api/v1/staff/agendas/driving", agenda).status()).isEqualTo(200);
    JsonNode civil = PublicReadsPart.department(api().get("/api/v1/departments").json(), CIVIL);
    assertThat(PublicReadsPart.ids(civil.path("agendas"))).contains("driving");

    Response account = c.as(ADMIN).put("/api/v1/staff/accounts/new.operator",
        Map.of("role", "OPERATOR", "active", true, "password", "a long enough password"));
    assertThat(account.status()).as(account.body()).isEqualTo(200);
    assertThat(account.body()).doesNotContain("pbkdf2");
    assertThat(api().post("/api/v1/staff/login", Map.of("username", "new.operator", "password", "a long enough password")).status())
        .isEqualTo(200);
    assertProblem(c.as(ADMIN).put("/api/v1/staff/accounts/short.password", Map.of("role", "OPERATOR", "active", true, "password", "short")),
        400, "invalid-input", "password");
    assertProblem(c.as(ADMIN).put("/api/v1/staff/accounts/" + ADMIN, Map.of("role", "OPERATOR", "active", true)),
        409, "state-conflict", null);
  }
}
