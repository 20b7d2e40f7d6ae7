/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdiary.booking.error.ChallengeRefused;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.ProvingWork;
import org.civicdiary.booking.usecase.Solution;
import org.civicdiary.web.ProofOfWorkSettings;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Json;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.http.limits.Burst;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * Proof of work on public writes (ALTCHA): hands out challenges, harder for an address in a burst,
 * and lets a route through only with a solved one in the {@code Altcha} header (the base64 JSON
 * payload), or with an integration's API key ({@code Authorization: Bearer cdk_…}). A route opts
 * in by wrapping its action: {@code proofOfWork.required(waitingList::join)}. With difficulty 0 it lets
 * everything through and the widget solves nothing.
 */
final class ProofOfWork {
  static final String HEADER = "Altcha";
  /** A payload is about 300 bytes; anything much longer is not one. */
  private static final int MAX_PAYLOAD = 1024;
  private static final String BEARER = "Bearer ";
  // Tolerant of fields other clients add (the altcha widget sends "took").
  private static final ObjectReader SOLUTION = Json.MAPPER.readerFor(Solution.class)
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final CivicDiary diary;
  private final ProofOfWorkSettings settings;
  private final ProvingWork work;
  private final Burst burst;

  ProofOfWork(CivicDiary diary, ProofOfWorkSettings settings) {
    this.diary = diary;
    this.settings = settings;
    this.work = settings.on() ? diary.provingWork(settings.hmacKey(), settings.ttl()) : null;
    this.burst = new Burst(settings.burst(), ProofOfWorkSettings.MAX_STEPS);
  }

  /** GET /api/v1/challenge: a new challenge, ten times harder per step of the caller's burst. */
  Reply challenge(Call call) {
    if (work == null) {
      Map<String, Object> off = new LinkedHashMap<>();
      off.put("algorithm", ProvingWork.ALGORITHM);
      off.put("maxnumber", 0);
      return Reply.ok(off).header("Cache-Control", "no-store");
    }
    long maxNumber = settings.maxNumber();
    for (int step = burst.step(call.address()); step > 0 && maxNumber <= ProvingWork.MAX_NUMBER / 10; step--) {
      maxNumber *= 10;
    }
    return Reply.ok(work.challenge(maxNumber)).header("Cache-Control", "no-store");
  }

  /** The action, behind the check. */
  Route.Action required(Route.Action action) {
    return call -> {
      demand(call);
      return action.handle(call);
    };
  }

  /** The check alone, for an action that must answer a retry before it (booking with Idempotency-Key). */
  void demand(Call call) {
    if (work != null) {
      check(call);
    }
  }

  private void check(Call call) {
    var headers = call.exchange().getRequestHeaders();
    String authorization = headers.getFirst(Headers.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      if (diary.keepingApiKeys().recognise(authorization.substring(BEARER.length()).strip()).isEmpty()) {
        throw new HttpProblem(Problem.of(Refusal.API_KEY_INVALID, "the API key is unknown or revoked", null),
            Map.of("WWW-Authenticate", "Bearer realm=\"civic-diary integrations\""));
      }
      return;
    }
    work.verify(solution(headers.getFirst(HEADER)));
  }

  /** The payload as a solution; null when there is none. */
  static Solution solution(String payload) {
    if (payload == null || payload.isBlank()) {
      return null;
    }
    if (payload.length() > MAX_PAYLOAD) {
      throw new ChallengeRefused.Invalid("payload longer than " + MAX_PAYLOAD);
    }
    try {
      Solution solution = SOLUTION.readValue(new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8));
      if (solution == null) {
        throw new ChallengeRefused.Invalid("payload is not a JSON object");
      }
      return solution;
    } catch (IllegalArgumentException | IOException e) {
      throw new ChallengeRefused.Invalid("payload is not base64 JSON of the ALTCHA fields");
    }
  }
}
