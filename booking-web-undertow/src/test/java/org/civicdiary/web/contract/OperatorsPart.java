/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.PRAGUE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 over HTTP: a phone booking needs a way to reach the caller unless marked; the operators'
 * notes and contact attempts on a reservation, kept to the office; one meeting a day with one
 * official per address. The part keeps to a department of its own ("phone-desk"), whose officials
 * no other part books, on days of week 2 that nobody else's officials share with it.
 */
abstract class OperatorsPart extends ContractPart {
  static final String DESK = "phone-desk";
  static final String PERMIT = "desk-permit";
  static final String POKORNY = "desk-pokorny";
  static final String ZEMAN = "desk-zeman";

  OperatorsPart(HttpApiContract contract) {
    super(contract);
  }

  /** The department, its officials with weekday windows 16:00-18:00, and the agenda; idempotent. */
  private void desk() {
    department(DESK, "Podatelna", "Filing office", POKORNY, ZEMAN);
    ApiClient admin = c.as(ADMIN);
    for (String official : List.of(POKORNY, ZEMAN)) {
      List<Map<String, Object>> windows = new ArrayList<>();
      for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
        windows.add(Map.of("day", day, "start", "16:00", "end", "18:00", "validFrom", "2027-01-01"));
      }
      Response r = admin.put("/api/v1/staff/officials/" + official + "/windows", Map.of("windows", windows));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
    Map<String, Object> agenda = new LinkedHashMap<>();
    agenda.put("department", DESK);
    agenda.put("name", Map.of("cs", "Podání", "en", "Filing"));
    agenda.put("slots", 1);
    agenda.put("officials", List.of(POKORNY, ZEMAN));
    Response r = admin.put("/api/v1/staff/agendas/" + PERMIT, agenda);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** Slot {@code index} (0-7, from 16:00) of day {@code days} of week 2. */
  private static Instant at(int days, int index) {
    LocalDate date = TestOffice.day(2, days);
    return date.atTime(LocalTime.of(16, 0).plusMinutes(15L * index)).atZone(PRAGUE).toInstant();
  }

  private static Map<String, Object> caller(String official, Instant start, String email, String phone) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("official", official);
    body.put("agenda", PERMIT);
    body.put("start", start.toString());
    body.put("name", "Jan Volající");
    if (email != null) {
      body.put("email", email);
    }
    if (phone != null) {
      body.put("phone", phone);
    }
    body.put("topic", "Podání žádosti");
    return body;
  }

  @Test
  void aPhoneBookingWithNoContactIsRefusedUnlessMarked() {
    desk();
    ApiClient operator = c.as(OPERATOR);
    Instant start = at(1, 0);

    assertProblem(operator.post("/api/v1/staff/reservations", caller(POKORNY, start, null, null)), 400,
        "invalid-input", "phone");
    assertThat(c.reservationsAt(POKORNY, start)).isZero();
    Map<String, Object> web = caller(POKORNY, start, HttpApiContract.email(), null);
    web.put("language", "cs");
    web.put("withoutContact", true);
    assertProblem(api().post("/api/v1/reservations", web), 400, "invalid-input", "withoutContact");
    assertThat(c.reservationsAt(POKORNY, start)).isZero();

    Map<String, Object> inPerson = caller(POKORNY, start, null, null);
    inPerson.put("withoutContact", true);
    Response marked = operator.post("/api/v1/staff/reservations", inPerson);
    assertThat(marked.status()).as(marked.body()).isEqualTo(201);
    Response byPhone = operator.post("/api/v1/staff/reservations", caller(POKORNY, at(1, 1), null, "+420 601 222 333"));
    assertThat(byPhone.status()).as(byPhone.body()).isEqualTo(201);
  }

  @Test
  void operatorsKeepNotesAndContactAttemptsOnAReservationApartFromTheCitizen() {
    desk();
    ApiClient operator = c.as(OPERATOR);
    Response booked = operator.post("/api/v1/staff/reservations", caller(ZEMAN, at(2, 0), null, "+420 601 222 444"));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String id = booked.json().path("reservation").path("id").asText();
    String notes = "/api/v1/staff/reservations/" + id + "/work-notes";

    Response called = operator.post(notes, Map.of("kind", "CONTACT_ATTEMPT", "body", "Voláno, nezvedá to."));
    assertThat(called.status()).as(called.body()).isEqualTo(201);
    assertThat(called.json().path("author").asText()).isEqualTo(OPERATOR);
    assertThat(Instant.parse(called.json().path("at").asText())).isEqualTo(c.clock.instant());
    Response note = operator.post(notes, Map.of("kind", "NOTE", "body", "<script>alert(1)</script> jen odpoledne"));
    assertThat(note.status()).as(note.body()).isEqualTo(201);

    JsonNode list = operator.get(notes).json();
    assertThat(list).extracting(n -> n.path("kind").asText()).containsExactly("CONTACT_ATTEMPT", "NOTE");
    assertThat(list.get(1).path("body").asText()).isEqualTo("<script>alert(1)</script> jen odpoledne");
    JsonNode reservation = operator.get("/api/v1/staff/reservations/" + id).json();
    assertThat(reservation.path("note").isNull() || reservation.path("note").isMissingNode()).isTrue();

    assertProblem(operator.post(notes, Map.of("kind", "NOTE", "body", " ")), 400, "invalid-input", "body");
    assertProblem(operator.post(notes, Map.of("kind", "SHOUTED", "body", "x")), 400, "invalid-input", null);
    assertProblem(operator.post("/api/v1/staff/reservations/" + java.util.UUID.randomUUID() + "/work-notes",
        Map.of("kind", "NOTE", "body", "x")), 404, "not-found", null);
    assertThat(operator.get(notes).json()).hasSize(2);

    // Another office's operator does not even learn that the reservation exists.
    SecondOffice.ensure(c);
    assertThat(c.as(SecondOffice.OPERATOR_B).get(notes).status()).isEqualTo(404);
    assertThat(c.as(SecondOffice.OPERATOR_B).post(notes, Map.of("kind", "NOTE", "body", "x")).status()).isEqualTo(404);
    assertThat(operator.get(notes).json()).hasSize(2);
  }

  @Test
  void oneAddressGetsOneMeetingADayWithOneOfficial() {
    desk();
    String email = HttpApiContract.email();
    Map<String, Object> first = HttpApiContract.booking(POKORNY, PERMIT, at(3, 0), email);
    Response booked = api().post("/api/v1/reservations", first);
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);

    // The public answer does not say which per-address limit (it would tell when the address has a meeting).
    Response again = api().post("/api/v1/reservations", HttpApiContract.booking(POKORNY, PERMIT, at(3, 1), email));
    assertThat(again.status()).as(again.body()).isEqualTo(422);
    assertThat(c.reservationsAt(POKORNY, at(3, 1))).isZero();
    // Operators are bound too, and are told which limit it is.
    JsonNode staff = assertProblem(c.as(OPERATOR).post("/api/v1/staff/reservations",
        caller(POKORNY, at(3, 2), email, null)), 422, "policy-violated", "email");
    assertThat(staff.path("policy").asText()).isEqualTo("TOO_MANY_THE_SAME_DAY");
    Response otherOfficial = api().post("/api/v1/reservations", HttpApiContract.booking(ZEMAN, PERMIT, at(3, 1), email));
    assertThat(otherOfficial.status()).as(otherOfficial.body()).isEqualTo(201);

    JsonNode office = c.as(ADMIN).get("/api/v1/staff/offices").json();
    assertThat(office.findValues("maxDailyPerEmail")).isNotEmpty().allSatisfy(v -> assertThat(v.asInt()).isEqualTo(1));
  }
}
