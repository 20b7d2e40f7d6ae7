/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Set;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * Refuses a request whose method is none of the standard ones (501) before anything keeps state
 * for it: no rate-limit bucket, no client-address parsing, no routing. A client can make up any
 * number of method tokens; none of them may cost memory.
 */
public final class KnownMethods implements HttpHandler {
  /** The methods HTTP defines for resources (RFC 9110 and PATCH); CONNECT and TRACE are never served. */
  public static final Set<String> STANDARD = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private final HttpHandler next;

  public KnownMethods(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!STANDARD.contains(exchange.getRequestMethod().toString())) {
      // the detail names no method: an echoed made-up token is the client's text in our answer
      Responder.problem(exchange, Problem.of(Refusal.METHOD_NOT_IMPLEMENTED,
          "this server serves only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS", null), Map.of());
      return;
    }
    next.handleRequest(exchange);
  }
}
