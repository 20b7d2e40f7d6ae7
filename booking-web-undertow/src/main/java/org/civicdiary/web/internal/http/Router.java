/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * Matches the path (relative to where the host mounted the handler) against the routes table:
 * 404 when no template fits, 405 with {@code Allow} when none fits the method, OPTIONS answered
 * here (CORS preflight or the allowed methods). Static files under {@code /static/} go to their own
 * handler.
 */
public final class Router implements HttpHandler {
  private static final String STATIC = "/static/";
  private final List<Route> routes;
  private final List<String[]> templates = new ArrayList<>();
  private final HttpHandler staticFiles;
  private final Cors next;

  /** @param next handles matched requests and answers OPTIONS (CORS preflight) */
  public Router(List<Route> routes, HttpHandler staticFiles, Cors next) {
    this.routes = List.copyOf(routes);
    this.routes.forEach(r -> templates.add(r.segments()));
    this.staticFiles = staticFiles;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    if (path.startsWith(STATIC)) {
      exchange.setRelativePath(path.substring(STATIC.length() - 1));
      staticFiles.handleRequest(exchange);
      return;
    }
    String[] parts = (path.isEmpty() ? "" : path.substring(1)).split("/", -1);
    String method = exchange.getRequestMethod().toString();
    Set<String> allowed = null;
    List<Route> fitting = null;
    for (int i = 0; i < routes.size(); i++) {
      Map<String, String> params = Route.match(templates.get(i), parts);
      if (params == null) {
        continue;
      }
      Route route = routes.get(i);
      if (route.method().equals(method)) {
        exchange.putAttachment(Matched.KEY, new Matched(route, params));
        next.handleRequest(exchange);
        return;
      }
      if (allowed == null) {
        allowed = new LinkedHashSet<>();
        fitting = new ArrayList<>();
      }
      allowed.add(route.method());
      fitting.add(route);
    }
    if (allowed == null) {
      Responder.problem(exchange, HttpProblem.notFound("no endpoint at this path").problem(), Map.of());
      return;
    }
    allowed.add("OPTIONS");
    String allow = String.join(", ", allowed);
    if (method.equals("OPTIONS")) {
      next.preflight(exchange, fitting, allow);
      return;
    }
    Responder.problem(exchange, Problem.of(Refusal.METHOD_NOT_ALLOWED,
        method + " is not allowed here; use " + allow, null), Map.of("Allow", allow));
  }
}
