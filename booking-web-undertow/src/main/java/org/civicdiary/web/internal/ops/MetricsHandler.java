/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.ops;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.civicdiary.web.internal.http.Matched;
import org.civicdiary.web.internal.http.Responder;

/** Times every request when it completes, by route template (not the raw path) and status. */
public final class MetricsHandler implements HttpHandler {
  private final Metrics metrics;
  private final HttpHandler next;

  public MetricsHandler(Metrics metrics, HttpHandler next) {
    this.metrics = metrics;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long start = System.nanoTime();
    exchange.addExchangeCompleteListener((ex, nextListener) -> {
      try {
        Matched matched = ex.getAttachment(Matched.KEY);
        String route = matched != null ? matched.route().template()
            : ex.getRelativePath().startsWith("/static/") ? "/static/**" : "unmatched";
        metrics.request(ex.getRequestMethod().toString(), route, ex.getStatusCode(), System.nanoTime() - start);
        String problem = ex.getAttachment(Responder.PROBLEM);
        if (problem != null) {
          metrics.rejected(problem);
        }
      } finally {
        nextListener.proceed();
      }
    });
    next.handleRequest(exchange);
  }
}
