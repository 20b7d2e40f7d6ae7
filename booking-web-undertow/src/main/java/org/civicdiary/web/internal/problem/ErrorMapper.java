/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.problem;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.civicdiary.web.internal.http.Responder;

/** Turns anything the rest of the chain throws into a problem+json answer (see {@link Problems}). */
public final class ErrorMapper implements HttpHandler {
  private final HttpHandler next;

  public ErrorMapper(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    try {
      next.handleRequest(exchange);
    } catch (Throwable error) {
      Responder.problem(exchange, error);
      if (error instanceof Error e && !(error instanceof StackOverflowError)) {
        throw e;
      }
    }
  }
}
