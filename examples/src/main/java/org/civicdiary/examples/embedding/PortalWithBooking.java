/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.web.WebModule;

/**
 * Embedding 1: a city portal that already runs Undertow mounts civic-diary under {@code /booking}
 * of its own server, beside its own pages. The booking handler works under any prefix; links it
 * writes (manage links, Location headers) follow the mount.
 *
 * <pre>{@code
 * Settings settings = Settings.load(Path.of("civic-diary.properties"));
 * try (PortalWithBooking portal = PortalWithBooking.start(8080, settings)) { ... }
 * }</pre>
 */
public final class PortalWithBooking implements AutoCloseable {
  private final Undertow server;
  private final Injector injector;

  private PortalWithBooking(Undertow server, Injector injector) {
    this.server = server;
    this.injector = injector;
  }

  public static PortalWithBooking start(int port, Settings settings) {
    // The portal composes the modules it wants; any of them can be replaced by its own.
    Injector injector = Guice.createInjector(
        new PersistenceModule(settings), new NotifyModule(settings), new WebModule(settings));
    HttpHandler booking = injector.getInstance(HttpHandler.class);
    HttpHandler portalHome = exchange -> {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
      exchange.getResponseSender().send("<!doctype html><html lang=\"cs\"><head><meta charset=\"utf-8\">"
          + "<title>Portál města</title><script defer src=\"/booking/static/widget/civic-diary-booking.js\">"
          + "</script></head><body><h1>Portál města</h1>"
          + "<civic-diary-booking api=\"/booking\" lang=\"cs\"></civic-diary-booking></body></html>",
          StandardCharsets.UTF_8);
    };
    Undertow server = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setHandler(Handlers.path(portalHome).addPrefixPath("/booking", booking))
        .build();
    server.start();
    injector.getInstance(OutboxDispatcher.class).start();
    return new PortalWithBooking(server, injector);
  }

  public int port() {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  @Override
  public void close() {
    server.stop();
    injector.getInstance(OutboxDispatcher.class).stop();
    injector.getInstance(JdbcStorage.class).close();
  }
}
