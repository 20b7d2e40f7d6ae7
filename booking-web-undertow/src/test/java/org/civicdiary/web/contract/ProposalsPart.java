/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Displacement and proposals over HTTP: held, disjoint proposals with their official's room,
 * "please call me", and undoing an absence. The part keeps to a department of its own, whose
 * officials no other part books, so its holds take nobody else's time.
 */
abstract class ProposalsPart extends ContractPart {
  static final String REGISTRY = "vital-records";
  static final String CERTIFICATE = "birth-certificate";
  static final String HORAK = "registrar-horak";
  static final String KUBOVA = "registrar-kubova";

  ProposalsPart(HttpApiContract contract) {
    super(contract);
  }

  /** The department, its officials (Kubová in room 310), their windows and the agenda. */
  private void registry() {
    department(REGISTRY, "Matrika", "Registry office", HORAK, KUBOVA);
    ApiClient admin = c.as(ADMIN);
    ok(admin.put("/api/v1/staff/officials/" + KUBOVA, Map.of("department", REGISTRY, "name", "Jana Kubová",
        "room", "dveře 310", "active", true)));
    List<Map<String, Object>> week = new ArrayList<>();
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.add(Map.of("day", day.name(), "start", "08:00", "end", "10:00", "validFrom", "2027-01-01"));
    }
    for (String official : List.of(HORAK, KUBOVA)) {
      ok(admin.put("/api/v1/staff/officials/" + official + "/windows", Map.of("windows", week)));
    }
    Map<String, Object> agenda = new LinkedHashMap<>();
    agenda.put("department", REGISTRY);
    agenda.put("name", Map.of("cs", "Rodný list", "en", "Birth certificate"));
    agenda.put("slots", 1);
    agenda.put("officials", List.of(HORAK, KUBOVA));
    ok(admin.put("/api/v1/staff/agendas/" + CERTIFICATE, agenda));
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** A Tuesday two weeks ahead at the given local time. */
  private Instant tuesday(int hour, int minute) {
    return tuesday(2, hour, minute);
  }

  /** A Tuesday some weeks ahead at the given local time: each test keeps to weeks of its own. */
  private Instant tuesday(int weeks, int hour, int minute) {
    LocalDate day = LocalDate.ofInstant(c.clock.instant(), TestOffice.PRAGUE).plusWeeks(weeks)
        .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
    return day.atTime(LocalTime.of(hour, minute)).atZone(TestOffice.PRAGUE).toInstant();
  }

  private String absent(Instant from, Instant to) {
    Response r = c.as(ADMIN).post("/api/v1/staff/officials/" + HORAK + "/absences",
        Map.of("start", from.toString(), "end", to.toString(), "kind", "ILLNESS"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("absence").path("id").asText();
  }

  private static String token(JsonNode booked) {
    return booked.path("manage").path("token").asText();
  }

  private JsonNode proposals(JsonNode booked) {
    return ok(api().get("/api/v1/manage/" + token(booked) + "/proposals"));
  }

  @Test
  void citizensDisplacedTogetherGetDisjointHeldProposalsWithTheRoomAndMayAskToBeCalled() {
    registry();
    List<JsonNode> morning = List.of(c.book(HORAK, CERTIFICATE, tuesday(8, 0)),
        c.book(HORAK, CERTIFICATE, tuesday(8, 15)), c.book(HORAK, CERTIFICATE, tuesday(8, 30)));
    absent(tuesday(8, 0), tuesday(10, 0));

    Set<String> seen = new HashSet<>();
    for (JsonNode booked : morning) {
      JsonNode answer = proposals(booked);
      assertThat(answer.path("heldUntil").isTextual()).as(answer.toString()).isTrue();
      assertThat(answer.path("callRequested").isNull()).isTrue();
      List<Instant> starts = new ArrayList<>();
      for (JsonNode p : answer.path("proposals")) {
        starts.add(Instant.parse(p.path("start").asText()));
        assertThat(seen.add(p.path("official").asText() + "@" + p.path("start").asText())).as("proposed twice").isTrue();
        if (p.path("official").asText().equals(KUBOVA)) {
          assertThat(p.path("room").asText()).isEqualTo("dveře 310");
          assertThat(p.path("officialName").asText()).isEqualTo("Jana Kubová");
        }
      }
      assertThat(starts).isNotEmpty().isSorted();
    }
    JsonNode held = proposals(morning.get(0)).path("proposals").get(0);
    Response taken = api().post("/api/v1/reservations", HttpApiContract.booking(held.path("official").asText(), CERTIFICATE,
        Instant.parse(held.path("start").asText()), HttpApiContract.email()));
    assertThat(taken.status()).as("a held time is nobody else's: " + taken.body()).isEqualTo(409);

    String secondId = morning.get(1).path("reservation").path("id").asText();
    Response called = api().post("/api/v1/manage/" + token(morning.get(1)) + "/call-me", null);
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    JsonNode after = proposals(morning.get(1));
    assertThat(after.path("heldUntil").isNull()).isTrue();
    assertThat(after.path("callRequested").isTextual()).isTrue();
    JsonNode item = null;
    for (JsonNode i : ok(c.as(OPERATOR).get("/api/v1/staff/worklist")).path("displaced")) {
      if (i.path("reservation").path("id").asText().equals(secondId)) {
        item = i;
      }
    }
    assertThat(item).isNotNull();
    assertThat(item.path("callRequested").asText()).isEqualTo(after.path("callRequested").asText());

    JsonNode active = c.book(HORAK, CERTIFICATE, tuesday(9, 45).plus(Duration.ofDays(3)));
    assertProblem(api().post("/api/v1/manage/" + token(active) + "/call-me", null), 409, "state-conflict", null);
  }

  @Test
  void undoingAnAbsenceRestoresWhatIsStillFreeAndSaysWhatStaysDisplaced() {
    registry();
    Instant wednesday = tuesday(5, 8, 0).plus(Duration.ofDays(1));
    JsonNode first = c.book(HORAK, CERTIFICATE, wednesday);
    JsonNode second = c.book(HORAK, CERTIFICATE, wednesday.plus(Duration.ofMinutes(15)));
    String absence = absent(wednesday, wednesday.plus(Duration.ofHours(2)));

    JsonNode displaced = ok(c.as(OPERATOR).get("/api/v1/staff/absences/" + absence + "/displaced"));
    assertThat(PublicReadsPart.ids(displaced.path("reservations"))).containsExactly(
        first.path("reservation").path("id").asText(), second.path("reservation").path("id").asText());
    assertProblem(c.as(OPERATOR).delete("/api/v1/staff/absences/" + absence + "?restore=maybe"), 400,
        "invalid-input", "restore");

    Response undone = c.as(OPERATOR).delete("/api/v1/staff/absences/" + absence + "?restore=true");

    assertThat(undone.status()).as(undone.body()).isEqualTo(200);
    assertThat(undone.json().path("absence").asText()).isEqualTo(absence);
    assertThat(PublicReadsPart.ids(undone.json().path("restored"))).containsExactly(
        first.path("reservation").path("id").asText(), second.path("reservation").path("id").asText());
    assertThat(undone.json().path("stillDisplaced")).isEmpty();
    JsonNode view = ok(api().get("/api/v1/manage/" + token(first)));
    assertThat(view.path("reservation").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(view.path("reservation").path("start").asText()).isEqualTo(first.path("reservation").path("start").asText());
    assertProblem(c.as(OPERATOR).get("/api/v1/staff/absences/" + absence + "/displaced"), 404, "not-found", null);
  }
}
