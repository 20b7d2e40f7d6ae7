/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.DVORAK;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.SVOBODA;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Each error class: its status, its problem+json body naming the field, and no state change.
 * Week 2 is this part's; every refused booking aims at novak's slot (2, 0, 0), which must stay free.
 */
abstract class ErrorsPart extends ContractPart {
  private static final Instant TARGET = slot(2, 0, 0);

  ErrorsPart(HttpApiContract contract) {
    super(contract);
  }

  private Map<String, Object> valid() {
    return HttpApiContract.booking(NOVAK, ID_CARD, TARGET, HttpApiContract.email());
  }

  private Response postRaw(String body, String contentType) {
    return api().send("POST", "/api/v1/reservations", body, contentType);
  }

  private void nothingBooked() {
    assertThat(c.reservationsAt(NOVAK, TARGET)).isZero();
  }

  @Test
  void malformedJsonIs400() {
    assertProblem(postRaw("{\"official\": \"novak\",", "application/json"), 400, "malformed-json", "body");
    assertProblem(postRaw("[1, 2]", "application/json"), 400, "invalid-input", "body");
    assertProblem(postRaw("{} {}", "application/json"), 400, "malformed-json", "body");
    nothingBooked();
  }

  @Test
  void anUnknownFieldIs400NamingIt() {
    Map<String, Object> body = valid();
    body.put("admin", true);
    JsonNode p = assertProblem(api().post("/api/v1/reservations", body), 400, "invalid-input", "admin");
    assertThat(p.path("detail").asText()).contains("admin");
    nothingBooked();
  }

  @Test
  void aWrongTypeIs400NamingTheField() {
    Map<String, Object> body = valid();
    body.put("start", 1_800_000_000);
    assertProblem(api().post("/api/v1/reservations", body), 400, "invalid-input", "start");
    body = valid();
    body.put("start", "next tuesday");
    assertProblem(api().post("/api/v1/reservations", body), 400, "invalid-input", "start");
    body = valid();
    body.put("official", Map.of("id", NOVAK));
    assertProblem(api().post("/api/v1/reservations", body), 400, "invalid-input", "official");
    body = valid();
    body.put("language", "de");
    assertProblem(api().post("/api/v1/reservations", body), 400, "invalid-input", "language");
    body = valid();
    body.put("email", "not an address");
    assertProblem(api().post("/api/v1/reservations", body), 400, "invalid-input", "email");
    body = valid();
    body.remove("name");
    assertProblem(api().post("/api/v1/reservations", body), 400, "invalid-input", "name");
    assertProblem(api().get("/api/v1/officials/" + NOVAK + "/slots?agenda=" + ID_CARD + "&from=tomorrow"), 400, "invalid-input", "from");
    assertProblem(api().get("/api/v1/officials/" + NOVAK + "/slots?from=2027-03-01"), 400, "invalid-input", "agenda");
    nothingBooked();
  }

  @Test
  void unknownThingsAre404() {
    assertProblem(api().get("/api/v1/nothing-here"), 404, "not-found", null);
    assertProblem(api().get("/api/v1/departments/nowhere"), 404, "not-found", null);
    assertProblem(api().get("/api/v1/officials/nobody/slots?agenda=" + ID_CARD + "&from=2027-03-01"), 404, "not-found", null);
    Map<String, Object> body = valid();
    body.put("official", "nobody");
    assertProblem(api().post("/api/v1/reservations", body), 404, "not-found", null);
    nothingBooked();
  }

  @Test
  void aWrongMethodIs405WithAllow() {
    Response r = api().delete("/api/v1/reservations");
    assertProblem(r, 405, "method-not-allowed", null);
    assertThat(r.header("Allow").orElseThrow()).contains("POST");
    Response get = api().get("/api/v1/reservations");
    assertProblem(get, 405, "method-not-allowed", null);
  }

  @Test
  void aTakenSlotIs409AndTheFirstBookingStays() {
    JsonNode first = c.book(SVOBODA, ID_CARD, slot(2, 1, 0));
    Response second = api().post("/api/v1/reservations", HttpApiContract.booking(SVOBODA, ID_CARD, slot(2, 1, 0), HttpApiContract.email()));
    assertProblem(second, 409, "slot-taken", "start");
    assertThat(c.reservationsAt(SVOBODA, slot(2, 1, 0))).isEqualTo(1);
    assertThat(c.statusOf(first.path("reservation").path("id").asText()).holdsSlots()).isTrue();
  }

  @Test
  void aBodyOver16KbIs413() {
    Map<String, Object> body = valid();
    body.put("topic", "x".repeat(17 * 1024));
    assertProblem(api().post("/api/v1/reservations", body), 413, "body-too-large", "body");
    nothingBooked();
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    assertProblem(postRaw(ApiClient.write(valid()), "text/plain"), 415, "unsupported-media-type", "Content-Type");
    assertProblem(postRaw("official=novak", "application/x-www-form-urlencoded"), 415, "unsupported-media-type", "Content-Type");
    nothingBooked();
  }

  @Test
  void aTimeTheDiaryDoesNotOfferIs422WithTheReason() {
    Map<String, Object> body = valid();
    body.put("start", slot(2, 0, 0).minusSeconds(3600).toString());
    assertThat(assertProblem(api().post("/api/v1/reservations", body), 422, "slot-not-bookable", "start")
        .path("reason").asText()).isEqualTo("OUTSIDE_DIARY");
    body.put("start", slot(2, 0, 0).plusSeconds(60).toString());
    assertThat(assertProblem(api().post("/api/v1/reservations", body), 422, "slot-not-bookable", "start")
        .path("reason").asText()).isEqualTo("MISALIGNED");
    body.put("start", slot(20, 0, 0).toString());
    assertThat(assertProblem(api().post("/api/v1/reservations", body), 422, "slot-not-bookable", "start")
        .path("reason").asText()).isEqualTo("TOO_FAR_AHEAD");
    nothingBooked();
  }

  @Test
  void aBrokenPolicyIs422() {
    Map<String, Object> body = valid();
    body.put("topic", "t".repeat(600));
    JsonNode p = assertProblem(api().post("/api/v1/reservations", body), 422, "policy-violated", "topic");
    assertThat(p.path("policy").asText()).isEqualTo("TOPIC_TOO_LONG");
    nothingBooked();
  }

  @Test
  void limitsOfAnEmailAddressAnswerAlikeAndSayNothingMore() {
    String email = HttpApiContract.email();
    // Three days, so that only the count of open reservations binds (one a day with one official).
    for (int i = 0; i < 3; i++) {
      Response r = api().post("/api/v1/reservations", HttpApiContract.booking(DVORAK, ID_CARD, slot(2, List.of(1, 2, 4).get(i), 0),
          email));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    Response tooMany = api().post("/api/v1/reservations", HttpApiContract.booking(DVORAK, ID_CARD, slot(2, 2, 5), email));
    JsonNode p = assertProblem(tooMany, 422, "email-limit", "email");
    assertThat(p.has("policy")).as("which rule stays hidden").isFalse();
    assertThat(c.reservationsAt(DVORAK, slot(2, 2, 5))).isZero();
  }

  /**
   * Issue 14 item 4: a stranger booking with someone's address at the time of their meeting is
   * answered as at any other time, so the answer does not say when the address has a meeting.
   */
  @Test
  void aBookingAtTheTimeTheAddressHasAMeetingAnswersAsAtAnyOtherTime() {
    String victim = HttpApiContract.email();
    assertThat(api().post("/api/v1/reservations", HttpApiContract.booking(DVORAK, ID_CARD, slot(2, 3, 0), victim))
        .status()).isEqualTo(201);
    Response atOtherTime = api().post("/api/v1/reservations", HttpApiContract.booking(NOVAK, ID_CARD, slot(2, 4, 2), victim));
    Response atItsTime = api().post("/api/v1/reservations", HttpApiContract.booking(NOVAK, ID_CARD, slot(2, 3, 0), victim));
    assertThat(atItsTime.status()).as(atItsTime.body()).isEqualTo(atOtherTime.status()).isEqualTo(201);
    assertThat(c.reservationsAt(NOVAK, slot(2, 3, 0))).isOne();
  }
}
