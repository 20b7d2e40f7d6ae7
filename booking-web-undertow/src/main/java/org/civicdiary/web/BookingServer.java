/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import com.google.inject.Injector;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * The booking API on its own Undertow server: {@code start}, {@code port}, {@code stop}. Port 0
 * takes a free port. The handler is mounted under {@code civicdiary.web.prefix}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new WebModule(settings), new PersistenceModule(settings));
 * try (BookingServer server = BookingServer.start(injector)) { ... }
 * }</pre>
 */
public final class BookingServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BookingServer.class);
  private final Undertow undertow;
  private final String prefix;

  private BookingServer(Undertow undertow, String prefix) {
    this.undertow = undertow;
    this.prefix = prefix;
  }

  /** Starts the handler the injector's {@link WebModule} binds. */
  public static BookingServer start(Injector injector) {
    return start(injector.getInstance(WebModule.HANDLER), injector.getInstance(WebSettings.class));
  }

  public static BookingServer start(HttpHandler handler, WebSettings settings) {
    Objects.requireNonNull(handler, "handler");
    HttpHandler root = settings.prefix().isEmpty() ? handler : Handlers.path().addPrefixPath(settings.prefix(), handler);
    Undertow undertow = Undertow.builder()
        .addHttpListener(settings.port(), settings.host())
        .setIoThreads(settings.ioThreads())
        .setWorkerThreads(settings.workerThreads())
        // Slow or idle clients must not hold connections: headers within 10 s, idle keep-alive 60 s.
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 32 * 1024)
        .setServerOption(UndertowOptions.MAX_PARAMETERS, 100)
        .setServerOption(UndertowOptions.MAX_HEADERS, 100)
        .setSocketOption(Options.READ_TIMEOUT, (int) Math.max(1000, settings.requestTimeout().toMillis()))
        .setHandler(root)
        .build();
    undertow.start();
    BookingServer server = new BookingServer(undertow, settings.prefix());
    LOG.info("civic-diary API listening on {}", server.uri());
    return server;
  }

  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** Where the API is: {@code http://host:port{prefix}}. */
  public URI uri() {
    InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort() + prefix);
  }

  public void stop() {
    undertow.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
