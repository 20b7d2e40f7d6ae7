/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** The end of the chain: runs the matched route's action and sends its reply. */
public final class Endpoint implements HttpHandler {
  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Matched matched = exchange.getAttachment(Matched.KEY);
    Reply reply = matched.route().action().handle(new Call(exchange, matched.params()));
    Responder.send(exchange, reply);
  }
}
