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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicdiary.booking.model.Status;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Idempotency-Key replays, and manage tokens that open only their own reservation. Week 3 is this part's. */
abstract class IdempotencyPart extends ContractPart {
  IdempotencyPart(HttpApiContract contract) {
    super(contract);
  }

  @Test
  void theSameKeyAndBodyGetTheFirstAnswerAndBookOnce() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = HttpApiContract.booking(NOVAK, ID_CARD, slot(3, 0, 0), HttpApiContract.email());
    Response first = api().post("/api/v1/reservations", body, "Idempotency-Key", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Map<String, Object> reordered = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(body.keySet());
    java.util.Collections.reverse(keys);
    keys.forEach(k -> reordered.put(k, body.get(k)));
    Response again = api().post("/api/v1/reservations", reordered, "Idempotency-Key", key);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.json().path("reservation")).isEqualTo(first.json().path("reservation"));
    assertThat(c.reservationsAt(NOVAK, slot(3, 0, 0))).isEqualTo(1);
    String replayedToken = again.json().path("manage").path("token").asText();
    assertThat(api().get("/api/v1/manage/" + replayedToken).json().path("reservation").path("id"))
        .as("the replay's manage link opens the same reservation").isEqualTo(first.json().path("reservation").path("id"));
  }

  @Test
  void theKeptAnswerHoldsNoPersonalDataAndAReplayReadsTheReservationAgain() {
    String key = UUID.randomUUID().toString();
    String email = HttpApiContract.email();
    Map<String, Object> body = HttpApiContract.booking(NOVAK, ID_CARD, slot(3, 0, 4), email);
    assertThat(api().post("/api/v1/reservations", body, "Idempotency-Key", key).status()).isEqualTo(201);
    String kept = c.storage.idempotencyKeys().find("reservations:127.0.0.1:" + key, c.clock.instant()).orElseThrow().body();
    assertThat(kept).doesNotContain(email).doesNotContain(String.valueOf(body.get("name")))
        .doesNotContain(String.valueOf(body.get("topic")));
    Response again = api().post("/api/v1/reservations", body, "Idempotency-Key", key);
    assertThat(again.json().path("reservation").path("citizen").path("email").asText()).isEqualTo(email);
  }

  @Test
  void aKeyAndBodyRepeatedFromAnotherAddressGetNoManageLink() {
    BookingServer proxied = c.startServer(Map.of("civicdiary.web.trusted-proxies", "127.0.0.1, ::1"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), proxied.uri());
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = HttpApiContract.booking(NOVAK, ID_CARD, slot(3, 0, 5), HttpApiContract.email());
    Response first = client.post("/api/v1/reservations", body, "Idempotency-Key", key, "X-Forwarded-For", "203.0.113.20");
    assertThat(first.status()).isEqualTo(201);
    Response elsewhere = client.post("/api/v1/reservations", body, "Idempotency-Key", key, "X-Forwarded-For", "198.51.100.20");
    assertThat(elsewhere.status()).as("a new attempt: the slot and the address are taken").isIn(409, 422);
    assertThat(elsewhere.body()).doesNotContain("token");
    assertThat(client.post("/api/v1/reservations", body, "Idempotency-Key", key, "X-Forwarded-For", "203.0.113.20")
        .header("Idempotent-Replayed")).as("the client itself still gets its answer").contains("true");
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndBooksNothing() {
    String key = UUID.randomUUID().toString();
    assertThat(api().post("/api/v1/reservations", HttpApiContract.booking(NOVAK, ID_CARD, slot(3, 0, 1), HttpApiContract.email()),
        "Idempotency-Key", key).status()).isEqualTo(201);
    Response other = api().post("/api/v1/reservations", HttpApiContract.booking(NOVAK, ID_CARD, slot(3, 0, 2), HttpApiContract.email()),
        "Idempotency-Key", key);
    assertProblem(other, 422, "idempotency-key-reused", "Idempotency-Key");
    assertThat(c.reservationsAt(NOVAK, slot(3, 0, 2))).isZero();
    assertProblem(api().post("/api/v1/reservations", HttpApiContract.booking(NOVAK, ID_CARD, slot(3, 0, 3), HttpApiContract.email()),
        "Idempotency-Key", "x".repeat(101)), 400, "invalid-input", "Idempotency-Key");
  }

  @Test
  void concurrentRetriesWithOneKeyBookOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = HttpApiContract.booking(SVOBODA, ID_CARD, slot(3, 1, 0), HttpApiContract.email());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> api().post("/api/v1/reservations", body, "Idempotency-Key", key)));
      }
      Set<String> ids = new java.util.HashSet<>();
      for (Future<Response> answer : answers) {
        Response r = answer.get();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        ids.add(r.json().path("reservation").path("id").asText());
      }
      assertThat(ids).hasSize(1);
      assertThat(c.reservationsAt(SVOBODA, slot(3, 1, 0))).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTokenOpensOnlyItsOwnReservationAndAGuessedOneNothing() {
    JsonNode a = c.book(DVORAK, ID_CARD, slot(3, 2, 0));
    JsonNode b = c.book(DVORAK, ID_CARD, slot(3, 2, 1));
    String tokenA = a.path("manage").path("token").asText();
    assertThat(api().get("/api/v1/manage/" + tokenA).json().path("reservation").path("id"))
        .isEqualTo(a.path("reservation").path("id"));
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String guessed = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Response guess = api().get("/api/v1/manage/" + guessed);
    JsonNode problem = assertProblem(guess, 404, "not-found", null);
    assertThat(api().get("/api/v1/manage/short").body()).as("a malformed token answers alike").isEqualTo(guess.body());
    assertThat(problem.toString()).doesNotContain(b.path("reservation").path("id").asText());
    assertProblem(api().post("/api/v1/manage/" + guessed + "/cancel", null), 404, "not-found", null);
    assertProblem(api().post("/api/v1/manage/" + guessed + "/reschedule",
        Map.of("official", DVORAK, "start", slot(3, 2, 5).toString())), 404, "not-found", null);
    assertThat(c.statusOf(a.path("reservation").path("id").asText())).isEqualTo(Status.ACTIVE);
    assertThat(c.statusOf(b.path("reservation").path("id").asText())).isEqualTo(Status.ACTIVE);
  }
}
