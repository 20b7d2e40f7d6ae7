/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * Cross-origin access for the portals that embed the widget: only origins on the allow-list, only
 * public routes, never with credentials (staff endpoints are same-origin only).
 */
public final class Cors implements HttpHandler {
  private static final HttpString ORIGIN = HttpString.tryFromString("Origin");
  private static final String EXPOSED = "Location, Retry-After, Idempotent-Replayed";
  private final Set<String> origins;
  private final String publicOrigin;
  private final RefusedOrigins refused;
  private final HttpHandler next;

  public Cors(List<String> origins, String publicOrigin, RefusedOrigins refused, HttpHandler next) {
    this.origins = Set.copyOf(origins);
    this.publicOrigin = publicOrigin;
    this.refused = refused;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String origin = exchange.getRequestHeaders().getFirst(ORIGIN);
    if (origin != null) {
      exchange.getResponseHeaders().add(HttpString.tryFromString("Vary"), "Origin");
      Matched matched = exchange.getAttachment(Matched.KEY);
      if (matched != null && matched.route().access() == Route.Access.PUBLIC) {
        if (origins.contains(origin)) {
          exchange.getResponseHeaders().put(HttpString.tryFromString("Access-Control-Allow-Origin"), origin);
          exchange.getResponseHeaders().put(HttpString.tryFromString("Access-Control-Expose-Headers"), EXPOSED);
        } else if (!sameOrigin(exchange, origin)) {
          refused.refused(origin);
        }
      }
    }
    next.handleRequest(exchange);
  }

  /** Answers OPTIONS: a preflight from an allowed origin for a public route, or the allowed methods. */
  void preflight(HttpServerExchange exchange, List<Route> routes, String allow) {
    String origin = exchange.getRequestHeaders().getFirst(ORIGIN);
    String requested = exchange.getRequestHeaders().getFirst("Access-Control-Request-Method");
    if (origin == null || requested == null) {
      Responder.send(exchange, Reply.noContent().header("Allow", allow));
      return;
    }
    boolean publicRoute = routes.stream()
        .anyMatch(r -> r.method().equals(requested) && r.access() == Route.Access.PUBLIC);
    if (publicRoute && !origins.contains(origin) && !sameOrigin(exchange, origin)) {
      refused.refused(origin);
    }
    if (!publicRoute || !origins.contains(origin)) {
      Responder.problem(exchange, Problem.of(Refusal.CORS_REFUSED,
          "this origin may not call this endpoint; ask the office to add it to civicdiary.web.cors-origins", null),
          Map.of("Vary", "Origin"));
      return;
    }
    Responder.send(exchange, Reply.noContent()
        .header("Access-Control-Allow-Origin", origin)
        .header("Access-Control-Allow-Methods", requested)
        .header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, Accept-Language, Altcha")
        .header("Access-Control-Max-Age", "600")
        .header("Vary", "Origin"));
  }

  /**
   * Browsers send Origin on same-origin POSTs too (the manage page, the console): those are not
   * refusals. Same origin is the public URL's, or the Host the request was sent to.
   */
  private boolean sameOrigin(HttpServerExchange exchange, String origin) {
    if (origin.equalsIgnoreCase(publicOrigin)) {
      return true;
    }
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    int schemeEnd = origin.indexOf("://");
    return host != null && schemeEnd > 0 && origin.substring(schemeEnd + 3).equalsIgnoreCase(host);
  }
}
