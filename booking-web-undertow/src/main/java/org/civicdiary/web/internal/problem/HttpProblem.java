/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.problem;

import java.util.Map;
import org.civicdiary.booking.error.ProblemType;

/** A refusal decided by the web layer itself (not by the core): carries its problem and headers. */
public final class HttpProblem extends RuntimeException {
  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public HttpProblem(Problem problem) {
    this(problem, Map.of());
  }

  public HttpProblem(Problem problem, Map<String, String> headers) {
    super(problem.code() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public static HttpProblem badRequest(String field, String detail) {
    return new HttpProblem(Problem.of(ProblemType.INVALID_INPUT, field + ": " + detail, field));
  }

  public static HttpProblem malformed(String detail) {
    return new HttpProblem(Problem.of(Refusal.MALFORMED_JSON, detail, "body"));
  }

  public static HttpProblem unauthenticated() {
    return new HttpProblem(Problem.of(Refusal.UNAUTHENTICATED,
        "this endpoint needs a staff session (cookie or bearer token)", null),
        Map.of("WWW-Authenticate", "Bearer realm=\"civic-diary staff\""));
  }

  public static HttpProblem forbidden(Refusal refusal, String detail) {
    return new HttpProblem(Problem.of(refusal, detail, null));
  }

  public static HttpProblem notFound(String detail) {
    return new HttpProblem(Problem.of(ProblemType.NOT_FOUND, detail, null));
  }

  public static HttpProblem tooManyRequests(long retryAfterSeconds, String detail) {
    return new HttpProblem(Problem.of(Refusal.RATE_LIMITED, detail, null),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
  }
}
