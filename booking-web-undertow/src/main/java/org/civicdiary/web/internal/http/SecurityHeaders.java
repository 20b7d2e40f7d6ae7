/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpHandler;
import org.civicdiary.web.internal.http.limits.ClientAddress;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.List;
import org.civicdiary.web.internal.pages.Pages;

/**
 * Headers on every answer: no MIME sniffing, no referrer (manage links carry a secret), a strict
 * CSP (none at all for JSON; same-origin only for pages, framed only by the configured portals),
 * no caching of API answers (they may hold personal data), and HSTS when the client came over TLS
 * (directly or as a trusted proxy reports).
 */
public final class SecurityHeaders implements HttpHandler {
  private static final HttpString CSP = HttpString.tryFromString("Content-Security-Policy");
  private static final HttpString NOSNIFF = HttpString.tryFromString("X-Content-Type-Options");
  private static final HttpString REFERRER = HttpString.tryFromString("Referrer-Policy");
  private static final HttpString CACHE = HttpString.tryFromString("Cache-Control");
  private static final HttpString HSTS = HttpString.tryFromString("Strict-Transport-Security");
  /** A year, the common floor for browsers' preload lists; no includeSubDomains: the city's other hosts are not ours to bind. */
  private static final String HSTS_VALUE = "max-age=31536000";
  private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
  private final String pageCsp;
  private final HttpHandler next;

  public SecurityHeaders(List<String> frameAncestors, HttpHandler next) {
    this.pageCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors "
        + String.join(" ", frameAncestors);
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(NOSNIFF, "nosniff");
    headers.put(REFERRER, "no-referrer");
    if (Pages.isPage(exchange.getRelativePath())) {
      headers.put(CSP, pageCsp);
    } else {
      headers.put(CSP, API_CSP);
      headers.put(CACHE, "no-store");
    }
    // decided when the answer goes out: the client address (and so the proxy's word) is known by then
    exchange.addResponseCommitListener(ex -> {
      if (ClientAddress.overTls(ex)) {
        ex.getResponseHeaders().put(HSTS, HSTS_VALUE);
      }
    });
    next.handleRequest(exchange);
  }
}
