/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a city portal on its own origin: one page that embeds the booking widget
 * exactly as a third-party portal would, with a script tag pointing at the civic-diary server and
 * the custom element in its content.
 */
final class DemoPortal {
  private DemoPortal() {}

  static Undertow start(int port, URI api) {
    String page = page(api);
    Undertow portal = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setHandler((HttpServerExchange exchange) -> {
          if (!exchange.getRelativePath().equals("/")) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            return;
          }
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
          exchange.getResponseSender().send(page, StandardCharsets.UTF_8);
        })
        .build();
    portal.start();
    return portal;
  }

  static URI uri(Undertow portal) {
    InetSocketAddress address = (InetSocketAddress) portal.getListenerInfo().get(0).getAddress();
    return URI.create("http://localhost:" + address.getPort() + "/");
  }

  static String page(URI api) {
    try (InputStream in = DemoPortal.class.getResourceAsStream("portal.html")) {
      String base = api.toString().replace("://127.0.0.1:", "://localhost:");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{API}}", Html.escape(base));
    } catch (IOException e) {
      throw new UncheckedIOException("portal.html is part of the examples jar", e);
    }
  }
}
