/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.MailDrop;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.web.WebModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityMessagingModuleTest {
  private static final Instant NOW = SmallTownHall.MONDAY;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(202);
  private final Storage storage = InMemoryStorage.create();
  private HttpServer cityMessaging;
  private Injector injector;
  @TempDir Path mail;

  @BeforeEach
  void start() throws Exception {
    start("drop");
  }

  private void start(String transport) throws Exception {
    cityMessaging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cityMessaging.createContext("/notices", exchange -> {
      received.add(new ObjectMapper().readTree(exchange.getRequestBody()));
      exchange.sendResponseHeaders(answer.get(), -1);
      exchange.close();
    });
    cityMessaging.start();
    URI endpoint = URI.create("http://127.0.0.1:" + cityMessaging.getAddress().getPort() + "/notices");
    Settings settings = Settings.of(Map.of(
        "civicdiary.mail.transport", transport,
        "civicdiary.mail.drop.folder", mail.toString(),
        "civicdiary.mail.from", "radnice@example.cz",
        "civicdiary.notify.public-base-url", "https://booking.example.cz"));
    injector = Guice.createInjector(new WebModule(settings), new NotifyModule(settings),
        new CityMessagingModule(endpoint), new AbstractModule() {
          @Override
          protected void configure() {
            bind(Storage.class).toInstance(storage);
            OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK)
                .setBinding().toInstance(Clock.fixed(NOW, ZoneOffset.UTC));
          }
        });
    SmallTownHall.seed(storage);
  }

  @AfterEach
  void stop() {
    cityMessaging.stop(0);
  }

  @Test
  void everyNoticeAlsoReachesTheCitysMessagingServiceWithItsMessageId() {
    Booked booked = book();
    int sent = injector.getInstance(OutboxDispatcher.class).dispatchOnce();

    assertThat(sent).isEqualTo(1);
    assertThat(received).hasSize(1);
    JsonNode notice = received.get(0);
    assertThat(notice.path("kind").asText()).isEqualTo("CONFIRMATION");
    assertThat(notice.path("email").asText()).isEqualTo("jan.kovar@example.cz");
    assertThat(notice.path("phone").asText()).isEqualTo("+420 601 111 222");
    assertThat(notice.path("manageLink").asText()).startsWith("https://booking.example.cz");
    MailDrop drop = injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {})).orElseThrow();
    assertThat(drop.newest(10)).singleElement()
        .satisfies(m -> assertThat(m.messageId()).isEqualTo(notice.path("messageId").asText()));
    assertThat(booked.reservation().id()).isNotNull();
  }

  @Test
  void withoutEmailTheCitysServiceIsTheOnlyChannel() throws Exception {
    cityMessaging.stop(0);
    received.clear();
    start("none");
    book();
    assertThat(injector.getInstance(OutboxDispatcher.class).dispatchOnce()).isEqualTo(1);
    assertThat(received).singleElement().satisfies(n -> assertThat(n.path("kind").asText()).isEqualTo("CONFIRMATION"));
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {}))).isEmpty();
    assertThat(mail).isEmptyDirectory();
  }

  @Test
  void aFailingChannelKeepsTheMessageForALaterAttempt() {
    answer.set(503);
    book();
    injector.getInstance(OutboxDispatcher.class).dispatchOnce();

    assertThat(received).hasSize(1);
    assertThat(storage.outbox().parked()).isEmpty();
    assertThat(storage.transactions().inTransaction(() -> storage.outbox()
            .claim(10, NOW.plus(java.time.Duration.ofDays(1)), java.time.Duration.ofMinutes(1))))
        .filteredOn(m -> m.kind() == org.civicdiary.booking.model.MessageKind.CONFIRMATION)
        .singleElement().satisfies(m -> {
          assertThat(m.state()).isEqualTo(DeliveryState.PENDING);
          assertThat(m.lastError()).contains("503");
        });
  }

  private Booked book() {
    return SmallTownHall.book(injector.getInstance(CivicDiary.class));
  }
}
