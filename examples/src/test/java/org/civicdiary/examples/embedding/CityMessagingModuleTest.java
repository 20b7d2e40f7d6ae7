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
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.notify.MailDrop;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.web.WebModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityMessagingModuleTest {
  private static final Instant NOW = Instant.parse("2027-05-03T06:00:00Z");
  private static final OfficialId CLERK = OfficialId.of("clerk");
  private static final AgendaId PARKING = AgendaId.of("parking-permit");
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
            com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder(), Clock.class)
                .setBinding().toInstance(Clock.fixed(NOW, ZoneOffset.UTC));
          }
        });
    aSmallTownHall();
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
    CivicDiary diary = injector.getInstance(CivicDiary.class);
    Instant start = diary.findingFreeSlots().ofOfficial(CLERK, PARKING, LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 9))
        .get(0).start();
    return diary.booking().book(new BookingRequest(CLERK, PARKING, start,
        new Citizen("Jan Kovář", "jan.kovar@example.cz", "+420 601 111 222"), "Parkovací karta", Channel.WEB, Language.CS));
  }

  private void aSmallTownHall() {
    Place hall = new Place("Radnice", "Náměstí 1");
    storage.transactions().run(() -> {
      storage.directory().save(new Office(OfficeId.of("town"), LocalizedText.of("Radnice", "Town hall"),
          Office.DEFAULT_ZONE, Office.DEFAULT_SLOT, hall, List.of(), BookingPolicy.DEFAULT));
      storage.directory().save(new Department(DepartmentId.of("transport"), OfficeId.of("town"),
          LocalizedText.of("Doprava", "Transport"), hall));
      storage.directory().save(new Official(CLERK, DepartmentId.of("transport"), "Alena Malá", "12", null, true));
      storage.directory().save(new Agenda(PARKING, DepartmentId.of("transport"),
          LocalizedText.of("Parkovací karta", "Parking permit"), 1, Set.of(CLERK)));
      storage.diaries().replaceWindows(CLERK,
          List.of(Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(16, 0), LocalTime.of(17, 0), LocalDate.of(2027, 1, 1))));
    });
  }
}
