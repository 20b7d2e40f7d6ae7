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
    // The neighbouring municipality's portal: the same page and widget, told its office.
    String neighbour = page(api, new Portal("horomerice", "Obec Horoměřice", "/", "Praha 6"));
    Undertow portal = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setHandler((HttpServerExchange exchange) -> {
          String path = exchange.getRelativePath();
          if (!path.equals("/") && !path.equals("/horomerice/")) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            return;
          }
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
          exchange.getResponseSender().send(path.equals("/") ? page : neighbour, StandardCharsets.UTF_8);
        })
        .build();
    portal.start();
    return portal;
  }

  static URI uri(Undertow portal) {
    InetSocketAddress address = (InetSocketAddress) portal.getListenerInfo().get(0).getAddress();
    return URI.create("http://localhost:" + address.getPort() + "/");
  }

  /** One office's portal page: the office its widget shows, and a link to the other office's page. */
  record Portal(String office, String name, String neighbourPath, String neighbour) {}

  static String page(URI api) {
    return page(api, new Portal("praha-6", "Městská část Praha 6", "/horomerice/", "Horoměřice"));
  }

  private static String page(URI api, Portal office) {
    try (InputStream in = DemoPortal.class.getResourceAsStream("portal.html")) {
      String base = api.toString().replace("://127.0.0.1:", "://localhost:");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{API}}", Html.escape(base))
          .replace("{{OFFICE}}", Html.escape(office.office())).replace("{{NAME}}", Html.escape(office.name()))
          .replace("{{NEIGHBOUR_PATH}}", Html.escape(office.neighbourPath()))
          .replace("{{NEIGHBOUR}}", Html.escape(office.neighbour()));
    } catch (IOException e) {
      throw new UncheckedIOException("portal.html is part of the examples jar", e);
    }
  }
}
