/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.web.WebModule;

/**
 * Embedding 1: a city portal that already runs Undertow mounts civic-diary under {@code /booking}
 * of its own server, beside its own pages. The booking handler works under any prefix; links it
 * writes (manage links, Location headers) follow the mount. Starting {@link CivicDiaryService}
 * runs the e-mail dispatcher and the housekeeping (retention anonymisation included) in the portal's
 * JVM; stopping it closes the pool.
 *
 * <pre>{@code
 * Settings settings = Settings.load(Path.of("civic-diary.properties"));
 * try (PortalWithBooking portal = PortalWithBooking.start(8080, settings)) { ... }
 * }</pre>
 */
public final class PortalWithBooking implements AutoCloseable {
  private final Undertow server;
  private final Injector injector;
  private final CivicDiaryService service;

  private PortalWithBooking(Undertow server, Injector injector, CivicDiaryService service) {
    this.server = server;
    this.injector = injector;
    this.service = service;
  }

  /**
   * Starts the portal with civic-diary mounted under {@code /booking}.
   *
   * @param portalModules the portal's own modules: its own channels, its clock or sign-on for
   *     civic-diary, and its own bindings, which never clash with ours
   */
  public static PortalWithBooking start(int port, Settings settings, Module... portalModules) {
    // The portal composes the modules it wants; any of them can be replaced by its own.
    List<Module> modules = new ArrayList<>(List.of(
        new PersistenceModule(settings), new NotifyModule(settings), new WebModule(settings)));
    modules.addAll(List.of(portalModules));
    Injector injector = Guice.createInjector(modules);
    CivicDiaryService service = injector.getInstance(CivicDiaryService.class);
    HttpHandler booking = injector.getInstance(WebModule.HANDLER);
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
    service.start();
    return new PortalWithBooking(server, injector, service);
  }

  public int port() {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** The portal's injector, for its own code that uses civic-diary (say, to book from its own forms). */
  public Injector injector() {
    return injector;
  }

  /** Stops taking requests, then civic-diary's service: dispatcher, housekeeping, pool. */
  @Override
  public void close() {
    server.stop();
    service.stop();
  }
}
