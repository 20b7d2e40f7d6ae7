/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.CIVIL;
import static org.civicdiary.web.contract.TestOffice.DVORAK;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.PASSPORT;
import static org.civicdiary.web.contract.TestOffice.day;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** What anyone may read: departments, and free time as days and as slots. Week 0 is this part's. */
abstract class PublicReadsPart extends ContractPart {
  PublicReadsPart(HttpApiContract contract) {
    super(contract);
  }

  @Test
  void departmentsListOfficialsAgendasWalkInHoursAndTheOfficesPhones() {
    Response r = api().get("/api/v1/departments");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode body = r.json();
    JsonNode office = body.path("offices").get(0);
    assertThat(office.path("zone").asText()).isEqualTo("Europe/Prague");
    assertThat(office.path("slotMinutes").asInt()).isEqualTo(15);
    assertThat(office.path("phones").get(0).path("number").asText()).isEqualTo("+420 220 189 111");
    assertThat(office.path("booking").path("minimumNotice").asText()).isEqualTo("PT2H");
    JsonNode civil = department(body, CIVIL);
    assertThat(civil.path("name").path("en").asText()).isEqualTo("Civil affairs");
    assertThat(ids(civil.path("officials"))).containsExactly(DVORAK, NOVAK, "svoboda");
    assertThat(civil.path("officials").get(0).has("email")).as("no e-mail addresses in public").isFalse();
    assertThat(ids(civil.path("agendas"))).contains(ID_CARD, PASSPORT);
    assertThat(civil.path("walkInHours").get(0).path("day").asText()).isEqualTo("MONDAY");
    assertThat(civil.path("walkInHours").get(0).path("start").asText()).startsWith("08:00");
    assertThat(api().get("/api/v1/departments/" + CIVIL).json().path("id").asText()).isEqualTo(CIVIL);
  }

  @Test
  void daysWithFreeTimeForACalendar() {
    Response r = api().get("/api/v1/officials/" + NOVAK + "/days?agenda=" + ID_CARD + "&from=" + day(0, 0) + "&to=" + day(0, 6));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode days = r.json().path("days");
    List<String> dates = new ArrayList<>();
    days.forEach(d -> dates.add(d.path("date").asText()));
    assertThat(dates).containsExactly("2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05");
    assertThat(days.get(2).path("free").asInt()).isEqualTo(8);
    JsonNode department = api().get("/api/v1/departments/" + CIVIL + "/days?agenda=" + PASSPORT
        + "&from=" + day(0, 2) + "&to=" + day(0, 2)).json();
    assertThat(department.path("days").get(0).path("free").asInt()).as("7 starts of a two-slot meeting").isEqualTo(7);
  }

  @Test
  void daysAcrossEasterAndTheClockChangeAreLocalDays() {
    Response r = api().get("/api/v1/officials/svoboda/days?agenda=" + ID_CARD + "&from=2027-03-25&to=2027-04-02");
    List<String> dates = new ArrayList<>();
    r.json().path("days").forEach(d -> dates.add(d.path("date").asText()));
    assertThat(dates).as("Good Friday, the weekend and Easter Monday closed")
        .containsExactly("2027-03-25", "2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02");
    JsonNode tuesday = api().get("/api/v1/officials/svoboda/slots?agenda=" + ID_CARD + "&from=2027-03-30").json().path("slots");
    assertThat(tuesday.get(0).path("start").asText()).as("16:00 in Prague is 14:00 UTC in summer time")
        .isEqualTo("2027-03-30T14:00:00Z");
  }

  @Test
  void slotsOfOneDayAndFirstAvailableAcrossTheDepartment() {
    Response one = api().get("/api/v1/officials/" + NOVAK + "/slots?agenda=" + ID_CARD + "&from=" + day(0, 3));
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    JsonNode slots = one.json().path("slots");
    assertThat(slots).hasSize(8);
    assertThat(slots.get(0).path("start").asText()).isEqualTo(slot(0, 3, 0).toString());
    assertThat(slots.get(0).path("official").asText()).isEqualTo(NOVAK);
    JsonNode merged = api().get("/api/v1/departments/" + CIVIL + "/slots?agenda=" + ID_CARD + "&from=" + day(0, 3)).json();
    assertThat(merged.path("slots")).hasSize(8);
    JsonNode first = merged.path("slots").get(0);
    List<String> everyone = new ArrayList<>(ids(first.path("alsoFree")));
    everyone.add(first.path("official").asText());
    assertThat(everyone).containsExactlyInAnyOrder(NOVAK, "svoboda", DVORAK);
  }

  @Test
  void aBookedSlotIsNoLongerFreeAndNothingSaysWhoBookedIt() {
    c.book(DVORAK, ID_CARD, slot(0, 1, 0));
    Response r = api().get("/api/v1/officials/" + DVORAK + "/slots?agenda=" + ID_CARD + "&from=" + day(0, 1));
    assertThat(r.json().path("slots")).hasSize(7);
    assertThat(r.body()).doesNotContain(slot(0, 1, 0).toString()).doesNotContain("Nováková").doesNotContain("@");
    JsonNode merged = api().get("/api/v1/departments/" + CIVIL + "/slots?agenda=" + ID_CARD + "&from=" + day(0, 1)).json();
    JsonNode first = merged.path("slots").get(0);
    assertThat(first.path("start").asText()).isEqualTo(slot(0, 1, 0).toString());
    assertThat(first.path("official").asText()).isNotEqualTo(DVORAK);
    assertThat(ids(first.path("alsoFree"))).doesNotContain(DVORAK);
  }

  @Test
  void answersCarrySecurityHeadersAndCorsOnlyForAllowedPortals() {
    Response r = api().get("/api/v1/departments", "Origin", "https://portal.example");
    assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.header("Referrer-Policy")).contains("no-referrer");
    assertThat(r.header("Content-Security-Policy").orElseThrow()).contains("default-src 'none'").contains("frame-ancestors");
    assertThat(r.header("Cache-Control")).contains("no-store");
    assertThat(r.header("Access-Control-Allow-Origin")).contains("https://portal.example");
    assertThat(api().get("/api/v1/departments", "Origin", "https://evil.example").header("Access-Control-Allow-Origin")).isEmpty();
    Response preflight = api().send("OPTIONS", "/api/v1/reservations", null, null, "Origin", "https://portal.example",
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,idempotency-key");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.header("Access-Control-Allow-Headers").orElseThrow()).contains("Idempotency-Key");
    Response refused = api().send("OPTIONS", "/api/v1/reservations", null, null, "Origin", "https://evil.example",
        "Access-Control-Request-Method", "POST");
    assertProblem(refused, 403, "cors-refused", null);
    Response staff = api().send("OPTIONS", "/api/v1/staff/worklist", null, null, "Origin", "https://portal.example",
        "Access-Control-Request-Method", "GET");
    assertThat(staff.header("Access-Control-Allow-Origin")).as("staff endpoints are same-origin only").isEmpty();
  }

  @Test
  void healthAndTheApiDocument() {
    assertThat(api().get("/health/live").json().path("status").asText()).isEqualTo("UP");
    assertThat(api().get("/health/ready").json().path("status").asText()).isEqualTo("UP");
    JsonNode doc = api().get("/api/v1/openapi.json").json();
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo(HttpApiContract.PREFIX);
  }

  static JsonNode department(JsonNode directory, String id) {
    for (JsonNode d : directory.path("departments")) {
      if (d.path("id").asText().equals(id)) {
        return d;
      }
    }
    throw new AssertionError("no department " + id);
  }

  static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.isTextual() ? n.asText() : n.path("id").asText()));
    return ids;
  }
}
