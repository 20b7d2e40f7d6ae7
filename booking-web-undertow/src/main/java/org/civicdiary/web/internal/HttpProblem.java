/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import java.util.Map;
import org.civicdiary.booking.error.ProblemType;

/** A refusal decided by the web layer itself (not by the core): carries its problem and headers. */
final class HttpProblem extends RuntimeException {
  private final transient Problem problem;
  private final transient Map<String, String> headers;

  HttpProblem(Problem problem) {
    this(problem, Map.of());
  }

  HttpProblem(Problem problem, Map<String, String> headers) {
    super(problem.code() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  Problem problem() {
    return problem;
  }

  Map<String, String> headers() {
    return headers;
  }

  static HttpProblem badRequest(String field, String detail) {
    return new HttpProblem(Problem.of(ProblemType.INVALID_INPUT, field + ": " + detail, field));
  }

  static HttpProblem malformed(String detail) {
    return new HttpProblem(Problem.of(Refusal.MALFORMED_JSON, detail, "body"));
  }

  static HttpProblem unauthenticated() {
    return new HttpProblem(Problem.of(Refusal.UNAUTHENTICATED,
        "this endpoint needs a staff session (cookie or bearer token)", null),
        Map.of("WWW-Authenticate", "Bearer realm=\"civic-diary staff\""));
  }

  static HttpProblem forbidden(Refusal refusal, String detail) {
    return new HttpProblem(Problem.of(refusal, detail, null));
  }

  static HttpProblem notFound(String detail) {
    return new HttpProblem(Problem.of(ProblemType.NOT_FOUND, detail, null));
  }

  static HttpProblem tooManyRequests(long retryAfterSeconds, String detail) {
    return new HttpProblem(Problem.of(Refusal.RATE_LIMITED, detail, null),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
  }
}
