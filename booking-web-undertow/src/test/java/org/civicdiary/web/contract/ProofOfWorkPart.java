/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicdiary.booking.usecase.Challenge;
import org.civicdiary.booking.usecase.Solution;
import org.civicdiary.testkit.contract.ProofOfWorkContract;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bookings with the proof of work on (a server of its own, difficulty 1000): refused without, with
 * a wrong, an expired or a spent solution, each with its own problem type and nothing booked;
 * accepted with a solved challenge or an integration's API key until it is revoked; staff booking
 * needs none; a burst from one address raises the difficulty. Novak's Monday to Thursday of week 6 are this part's.
 */
abstract class ProofOfWorkPart extends ContractPart {
  private static final long DIFFICULTY = 1_000;
  private ApiClient pow;

  ProofOfWorkPart(HttpApiContract contract) {
    super(contract);
  }

  @BeforeEach
  void startServerWithProofOfWork() {
    BookingServer powServer = c.startServer(Map.of("civicdiary.pow.max-number", Long.toString(DIFFICULTY),
        "civicdiary.pow.burst", "3/PT1M"));
    pow = new ApiClient(ApiClient.newHttpClient(), powServer.uri());
  }

  private Instant nextSlot() {
    int n = c.next() % 32;
    return slot(6, n / 8, n % 8);
  }

  private Map<String, Object> booking() {
    return HttpApiContract.booking(NOVAK, ID_CARD, nextSlot(), HttpApiContract.email());
  }

  static Challenge challenge(ApiClient client) {
    Response r = client.get("/api/v1/challenge");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("Cache-Control")).contains("no-store");
    JsonNode j = r.json();
    return new Challenge(j.path("algorithm").asText(), j.path("challenge").asText(), j.path("maxnumber").asLong(),
        j.path("salt").asText(), j.path("signature").asText());
  }

  /** The ALTCHA payload: base64 of the JSON of the solution. */
  static String payload(Solution s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("algorithm", s.algorithm());
    json.put("challenge", s.challenge());
    json.put("number", s.number());
    json.put("salt", s.salt());
    json.put("signature", s.signature());
    return Base64.getEncoder().encodeToString(ApiClient.write(json).getBytes(StandardCharsets.UTF_8));
  }

  private String solved() {
    return payload(ProofOfWorkContract.solve(challenge(pow)));
  }

  private void assertNothingBooked(Map<String, Object> body) {
    assertThat(c.reservationsAt(NOVAK, Instant.parse((String) body.get("start")))).isZero();
  }

  @Test
  void aChallengeHasTheAltchaFieldsAndTheConfiguredDifficulty() {
    Challenge challenge = challenge(pow);

    assertThat(challenge.algorithm()).isEqualTo("SHA-256");
    assertThat(challenge.maxnumber()).isEqualTo(DIFFICULTY);
    assertThat(challenge.challenge()).matches("[0-9a-f]{64}");
    assertThat(challenge.signature()).matches("[0-9a-f]{64}");
    assertThat(challenge.salt()).matches("[0-9a-f]{24}\\?expires=\\d+&");
  }

  @Test
  void aBookingWithoutASolutionIsRefusedAsMissing() {
    Map<String, Object> body = booking();

    assertProblem(pow.post("/api/v1/reservations", body), 428, "challenge-missing", null);
    assertNothingBooked(body);
  }

  @Test
  void aBadOrWrongSolutionIsRefusedAsInvalid() {
    Map<String, Object> body = booking();
    Solution right = ProofOfWorkContract.solve(challenge(pow));
    Solution wrong = new Solution(right.algorithm(), right.challenge(), right.number() + 1, right.salt(), right.signature());

    assertProblem(pow.post("/api/v1/reservations", body, "Altcha", "not base64 at all!"), 403, "challenge-invalid", null);
    assertProblem(pow.post("/api/v1/reservations", body, "Altcha", "x".repeat(2000)), 403, "challenge-invalid", null);
    assertProblem(pow.post("/api/v1/reservations", body, "Altcha",
        Base64.getEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8))), 403, "challenge-invalid", null);
    assertProblem(pow.post("/api/v1/reservations", body, "Altcha", payload(wrong)), 403, "challenge-invalid", null);
    assertNothingBooked(body);
  }

  @Test
  void aSolvedChallengeBooksOnceAndIsRefusedAsReusedTheSecondTime() {
    String solution = solved();

    Response first = pow.post("/api/v1/reservations", booking(), "Altcha", solution);
    Map<String, Object> second = booking();
    Response again = pow.post("/api/v1/reservations", second, "Altcha", solution);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertProblem(again, 403, "challenge-reused", null);
    assertNothingBooked(second);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyIsAnsweredAgainThoughItsSolutionIsSpentOrExpired() {
    String solution = solved();
    Map<String, Object> body = booking();
    String key = UUID.randomUUID().toString();

    Response first = pow.post("/api/v1/reservations", body, "Altcha", solution, "Idempotency-Key", key);
    Response retry = pow.post("/api/v1/reservations", body, "Altcha", solution, "Idempotency-Key", key);
    Response late;
    try {
      c.clock.advance(Duration.ofMinutes(10));
      late = pow.post("/api/v1/reservations", body, "Altcha", solution, "Idempotency-Key", key);
    } finally {
      c.resetClock();
    }

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    for (Response again : List.of(retry, late)) {
      assertThat(again.status()).as(again.body()).isEqualTo(201);
      assertThat(again.header("Idempotent-Replayed")).contains("true");
      assertThat(again.json().path("reservation").path("id")).isEqualTo(first.json().path("reservation").path("id"));
    }
    // the spent solution still books nothing new, with or without a key of its own
    Map<String, Object> other = booking();
    assertProblem(pow.post("/api/v1/reservations", other, "Altcha", solution,
        "Idempotency-Key", UUID.randomUUID().toString()), 403, "challenge-reused", null);
    assertProblem(pow.post("/api/v1/reservations", other, "Altcha", solution), 403, "challenge-reused", null);
    assertNothingBooked(other);
  }

  @Test
  void anExpiredSolutionIsRefusedAsExpired() {
    String solution = solved();
    Map<String, Object> body = booking();
    try {
      c.clock.advance(Duration.ofMinutes(10));

      assertProblem(pow.post("/api/v1/reservations", body, "Altcha", solution), 403, "challenge-expired", null);
    } finally {
      c.resetClock();
    }
    assertNothingBooked(body);
  }

  @Test
  void anIntegrationsApiKeyBooksWithoutSolvingUntilItIsRevoked() {
    JsonNode created = c.as(ADMIN).post("/api/v1/staff/api-keys", Map.of("name", "Portál Praha 6")).json();
    String secret = created.path("secret").asText();
    assertThat(secret).startsWith(created.path("key").path("prefix").asText());

    Response booked = pow.post("/api/v1/reservations", booking(), "Authorization", "Bearer " + secret);
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    JsonNode listed = c.as(ADMIN).get("/api/v1/staff/api-keys").json();
    assertThat(listed.toString()).contains("Portál Praha 6").doesNotContain(secret);

    Response revoked = c.as(ADMIN).post("/api/v1/staff/api-keys/" + created.path("key").path("id").asText() + "/revoke", null);
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    Map<String, Object> body = booking();
    assertProblem(pow.post("/api/v1/reservations", body, "Authorization", "Bearer " + secret), 401, "api-key-invalid", null);
    assertProblem(pow.post("/api/v1/reservations", body, "Authorization", "Bearer cdk_guessed"), 401, "api-key-invalid", null);
    assertNothingBooked(body);
  }

  @Test
  void staffBookingNeedsNoSolution() {
    String token = c.login(OPERATOR);
    Map<String, Object> body = HttpApiContract.booking(NOVAK, ID_CARD, nextSlot(), null);
    body.remove("email");

    Response r = pow.bearer(token).post("/api/v1/staff/reservations", body);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void aBurstFromOneAddressRaisesTheDifficultyTenfoldPerStep() {
    long[] seen = new long[8];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = challenge(pow).maxnumber();
    }

    assertThat(seen).containsExactly(1_000, 1_000, 1_000, 10_000, 10_000, 10_000, 100_000, 100_000);
  }

  @Test
  void withDifficultyZeroTheChallengeSaysSoAndBookingNeedsNone() {
    assertThat(challenge(api()).maxnumber()).isZero();
    c.book(NOVAK, ID_CARD, nextSlot());
  }
}
