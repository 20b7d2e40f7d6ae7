/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.HttpApiContract;
import org.civicdiary.web.contract.TestOffice;
import org.civicdiary.web.contract.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The booking handler in a host's own Undertow server, called on the I/O thread (as a path handler
 * does) or from a worker thread that a host's {@link BlockingHandler} moved it to: bodies are read
 * and answers written either way.
 */
class HostThreadsTest {
  @ParameterizedTest
  @ValueSource(strings = {"io-thread", "blocking-worker"})
  void aChangeIsReadAndAnsweredWhicheverThreadTheHostCallsFrom(String host) {
    Storage storage = InMemoryStorage.create();
    TestOffice.seed(storage);
    Injector injector = Guice.createInjector(new WebModule(Settings.of(TestServers.defaults())), binder -> {
      binder.bind(Storage.class).toInstance(storage);
      OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding()
          .toInstance(Clock.fixed(TestOffice.START, ZoneOffset.UTC));
    });
    HttpHandler booking = injector.getInstance(WebModule.HANDLER);
    UnaryOperator<HttpHandler> mount = host.equals("io-thread") ? h -> h : BlockingHandler::new;
    Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setHandler(Handlers.path().addPrefixPath(HttpApiContract.PREFIX, mount.apply(booking))).build();
    server.start();
    try {
      int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
      ApiClient api = new ApiClient(ApiClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + HttpApiContract.PREFIX));
      Response booked = api.post("/api/v1/reservations", HttpApiContract.booking(TestOffice.NOVAK, TestOffice.ID_CARD,
          TestOffice.slot(0, 1, 0), HttpApiContract.email()));
      assertThat(booked.status()).as(booked.body()).isEqualTo(201);
      assertThat(booked.json().path("reservation").path("official").asText()).isEqualTo(TestOffice.NOVAK);

      Response notJson = api.send("POST", "/api/v1/reservations", "official=novak", "text/plain");
      assertThat(notJson.status()).isEqualTo(415);
      Response tooLarge = api.post("/api/v1/reservations", HttpApiContract.booking(TestOffice.NOVAK, TestOffice.ID_CARD,
          TestOffice.slot(0, 1, 1), "x".repeat(20_000) + "@example.cz"));
      assertThat(tooLarge.status()).isEqualTo(413);
      Response taken = api.post("/api/v1/reservations", HttpApiContract.booking(TestOffice.NOVAK, TestOffice.ID_CARD,
          TestOffice.slot(0, 1, 0), HttpApiContract.email()));
      assertThat(taken.status()).as("a problem, answered on the same thread rules").isEqualTo(409);
      assertThat(api.get("/api/v1/departments").status()).isEqualTo(200);
    } finally {
      server.stop();
    }
  }
}
