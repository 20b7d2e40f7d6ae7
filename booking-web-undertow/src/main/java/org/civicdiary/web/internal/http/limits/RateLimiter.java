/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.civicdiary.web.internal.http.Matched;
import org.civicdiary.web.internal.http.Responder;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.problem.HttpProblem;

/**
 * Per client address limits on slot queries, on booking and on staff requests, checked on the I/O thread so that a
 * flood is turned away before it costs a worker thread; shared limits, which ask the database, are checked on the
 * worker thread instead. 429 with {@code Retry-After}.
 */
public final class RateLimiter implements HttpHandler {
  private final TokenBuckets queries;
  private final TokenBuckets bookings;
  private final TokenBuckets staff;
  private final HttpHandler next;

  public RateLimiter(TokenBuckets queries, TokenBuckets bookings, TokenBuckets staff, HttpHandler next) {
    this.queries = queries;
    this.bookings = bookings;
    this.staff = staff;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Route route = exchange.getAttachment(Matched.KEY).route();
    Route.Limit limit = route.limit();
    TokenBuckets throttle = switch (limit) {
      case QUERY -> queries;
      case BOOKING -> bookings;
      // staff routes and the login: counted before the body is read or a password hashed
      case NONE -> route.access() == Route.Access.STAFF || route.access() == Route.Access.LOGIN ? staff : null;
    };
    if (throttle != null) {
      long wait = throttle.take(ClientAddress.limitKey(exchange));
      if (wait > 0) {
        HttpProblem refused = HttpProblem.tooManyRequests(wait,
            "too many " + (limit == Route.Limit.QUERY ? "queries" : limit == Route.Limit.BOOKING ? "bookings" : "requests")
                + " from this address; wait " + wait + " s");
        Responder.problem(exchange, refused.problem(), refused.headers());
        return;
      }
    }
    next.handleRequest(exchange);
  }
}
