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
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_SVOBODA;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.day;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** The waiting list over HTTP: join, confirm, be offered a freed time, take or decline it; staff. Week 8, Tuesday to Thursday, is this part's. */
abstract class WaitingListPart extends ContractPart {
  WaitingListPart(HttpApiContract contract) {
    super(contract);
  }

  /** The matcher and the token issuers the notifier uses, over the server's storage and clock. */
  private CivicDiary diary() {
    return CivicDiary.builder().storage(c.storage).clock(c.clock).build();
  }

  private static Map<String, Object> wish(String official, String agenda, LocalDate first, LocalDate last, String email) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("official", official);
    body.put("agenda", agenda);
    body.put("firstDay", first.toString());
    body.put("lastDay", last.toString());
    body.put("name", "Eva Nováková");
    body.put("email", email);
    body.put("topic", "New ID card");
    body.put("language", "en");
    return body;
  }

  /** Books every slot of dvorak's day; the bookings' answers. */
  private List<JsonNode> fillDay(int days) {
    List<JsonNode> booked = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      booked.add(c.book(DVORAK, ID_CARD, slot(8, days, i)));
    }
    return booked;
  }

  /** Joins and confirms over HTTP; the entry's id. */
  private WaitingListEntryId watching(int days) {
    Response joined = api().post("/api/v1/waiting-list", wish(DVORAK, ID_CARD, day(8, days), day(8, days),
        HttpApiContract.email()));
    assertThat(joined.status()).as(joined.body()).isEqualTo(202);
    assertThat(joined.json().path("status").asText()).isEqualTo("UNCONFIRMED");
    WaitingListEntryId id = WaitingListEntryId.parse(joined.json().path("id").asText());
    String token = diary().keepingWaitingList().issueToken(id).value();
    assertThat(api().get("/api/v1/waiting-list/entries/" + token).json().path("agenda").path("id").asText())
        .isEqualTo(ID_CARD);
    Response confirmed = api().post("/api/v1/waiting-list/entries/" + token + "/confirm", null);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.json().path("status").asText()).isEqualTo("ACTIVE");
    return id;
  }

  private String offerToken(WaitingListEntryId id) {
    WaitingListEntry entry = c.storage.waitingList().find(id).orElseThrow();
    assertThat(entry.hold()).as("offered").isNotNull();
    ManageToken token = diary().issuingManageLinks().issue(entry.hold());
    return token.value();
  }

  private void cancel(JsonNode booked) {
    Response r = api().post("/api/v1/manage/" + booked.path("manage").path("token").asText() + "/cancel", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void aFullDayIsWatchedTheFreedTimeIsOfferedAndTakenOverHttp() {
    List<JsonNode> day = fillDay(1);
    WaitingListEntryId id = watching(1);
    cancel(day.get(3));
    assertThat(diary().offeringFreedTime().run()).isEqualTo(1);

    String token = offerToken(id);
    Response offer = api().get("/api/v1/waiting-list/offers/" + token);
    assertThat(offer.status()).as(offer.body()).isEqualTo(200);
    assertThat(offer.json().path("open").asBoolean()).isTrue();
    assertThat(offer.json().path("start").asText()).isEqualTo(slot(8, 1, 3).toString());
    assertThat(api().get("/api/v1/officials/" + DVORAK + "/slots?agenda=" + ID_CARD + "&from=" + day(8, 1)).json()
        .path("slots")).as("the held time is not offered to others").isEmpty();

    Response taken = api().post("/api/v1/waiting-list/offers/" + token + "/take", null);
    assertThat(taken.status()).as(taken.body()).isEqualTo(201);
    assertThat(c.statusOf(taken.json().path("reservation").path("id").asText())).isEqualTo(Status.ACTIVE);
    assertThat(taken.json().path("manage").path("link").asText()).contains("/manage/");
    assertProblem(api().post("/api/v1/waiting-list/offers/" + token + "/take", null), 409, "state-conflict", null);
  }

  @Test
  void declinedTimeEndsTheEntry() {
    List<JsonNode> day = fillDay(2);
    WaitingListEntryId id = watching(2);
    cancel(day.get(0));
    diary().offeringFreedTime().run();

    Response declined = api().post("/api/v1/waiting-list/offers/" + offerToken(id) + "/decline", null);

    assertThat(declined.status()).as(declined.body()).isEqualTo(200);
    assertThat(declined.json().path("status").asText()).isEqualTo("DECLINED");
  }

  @Test
  void badRequestsAreProblemsAndChangeNothing() {
    String email = HttpApiContract.email();
    assertProblem(api().post("/api/v1/waiting-list", wish(DVORAK, ID_CARD, day(0, 0).minusDays(1), day(8, 3), email)),
        400, "invalid-input", "firstDay");
    assertProblem(api().post("/api/v1/waiting-list", wish(DVORAK, ID_CARD, day(8, 3), day(0, 0).plusDays(61), email)),
        400, "invalid-input", "lastDay");
    assertProblem(api().post("/api/v1/waiting-list", wish(DVORAK, "no-such-agenda", day(8, 3), day(8, 3), email)),
        404, "not-found", null);
    assertProblem(api().post("/api/v1/waiting-list", wish(DVORAK, ID_CARD, day(8, 4), day(8, 3), email)),
        400, "invalid-input", "lastDay");
    assertProblem(api().get("/api/v1/waiting-list/entries/" + "x".repeat(43)), 404, "not-found", null);
    assertThat(c.storage.waitingList().liveOfEmail(email)).isEmpty();
  }

  @Test
  void operatorsAddCallersAndSeeTheListOfficialsOnlyTheirOwn() {
    Map<String, Object> caller = wish(NOVAK, ID_CARD, day(8, 3), day(8, 3), null);
    caller.remove("email");
    caller.put("phone", "+420 777 123 456");
    Response added = c.as(OPERATOR).post("/api/v1/staff/waiting-list", caller);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().path("status").asText()).isEqualTo("ACTIVE");
    String id = added.json().path("id").asText();

    Response list = c.as(OPERATOR).get("/api/v1/staff/waiting-list?department=" + CIVIL + "&official=" + NOVAK);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    list.json().path("entries").forEach(e -> ids.add(e.path("id").asText()));
    assertThat(ids).contains(id);
    assertProblem(c.as(OFFICIAL_SVOBODA).get("/api/v1/staff/waiting-list?department=" + CIVIL + "&official=" + NOVAK),
        403, "not-permitted", null);
    assertThat(api().get("/api/v1/staff/waiting-list?department=" + CIVIL).status()).isEqualTo(401);
    assertProblem(c.as(OPERATOR).post("/api/v1/staff/waiting-list/" + id + "/take", null), 409, "state-conflict", null);
  }
}
