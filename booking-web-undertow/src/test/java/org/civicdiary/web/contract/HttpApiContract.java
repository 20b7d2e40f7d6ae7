package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.CIVIL;
import static org.civicdiary.web.contract.TestOffice.DVORAK;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.PASSPORT;
import static org.civicdiary.web.contract.TestOffice.SVOBODA;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.WebModule;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP API's behaviour over real HTTP (java.net.http against a server on a random port), for
 * any storage: a subclass supplies a fresh, empty {@link Storage} and inherits every test. The
 * tests are grouped in parts (nested classes below); this class holds the server, the seeded
 * office and the helpers they share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpApiContract {
  public static final String PREFIX = "/booking";
  protected Storage storage;
  protected MutableClock clock;
  protected BookingServer server;
  protected ApiClient api;
  private final List<BookingServer> servers = new ArrayList<>();

  /** A fresh storage with nothing in it; called once per test class. */
  protected abstract Storage createStorage();

  @BeforeAll
  void startServer() {
    storage = createStorage();
    TestOffice.seed(storage);
    clock = new MutableClock(TestOffice.START);
    server = startServer(Map.of());
    api = new ApiClient(ApiClient.newHttpClient(), server.uri());
  }

  @AfterAll
  void stopServers() {
    servers.forEach(BookingServer::stop);
  }

  /** Another server over the same storage and clock, with some settings changed. */
  public BookingServer startServer(Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>();
    settings.put("civicdiary.web.port", "0");
    settings.put("civicdiary.web.prefix", PREFIX);
    settings.put("civicdiary.web.public-url", "https://portal.example");
    settings.put("civicdiary.web.rate.booking-per-address", "100000/PT1S");
    settings.put("civicdiary.web.rate.booking-per-email", "100000/PT1S");
    settings.put("civicdiary.web.rate.queries-per-address", "100000/PT1S");
    settings.put("civicdiary.staff.login-per-address", "100000/PT1S");
    settings.put("civicdiary.web.free-time-cache", "PT0S");
    settings.put("civicdiary.web.cors-origins", "https://portal.example");
    settings.putAll(overrides);
    Injector injector = Guice.createInjector(new WebModule(Settings.of(settings)), binder -> {
      binder.bind(Storage.class).toInstance(storage);
      OptionalBinder.newOptionalBinder(binder, Clock.class).setBinding().toInstance(clock);
    });
    BookingServer started = BookingServer.start(injector);
    servers.add(started);
    return started;
  }

  @Nested
  class PublicReads extends PublicReadsPart {
    PublicReads() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class CitizenFlows extends CitizenFlowsPart {
    CitizenFlows() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class Errors extends ErrorsPart {
    Errors() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class IdempotencyAndTokens extends IdempotencyPart {
    IdempotencyAndTokens() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class Concurrency extends ConcurrencyPart {
    Concurrency() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class RateLimits extends RateLimitPart {
    RateLimits() {
      super(HttpApiContract.this);
    }
  }

  // ---------------------------------------------------------------- helpers shared by the tests

  public static Map<String, Object> booking(String official, String agenda, Instant start, String email) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("official", official);
    body.put("agenda", agenda);
    body.put("start", start.toString());
    body.put("name", "Eva Nováková");
    body.put("email", email);
    body.put("phone", "+420 777 123 456");
    body.put("topic", "New ID card");
    body.put("language", "cs");
    return body;
  }

  public static String email() {
    return "citizen-" + UUID.randomUUID() + "@example.cz";
  }

  /** Books and checks the 201; returns the answer's JSON. */
  public JsonNode book(String official, String agenda, Instant start) {
    Response r = api.post("/api/v1/reservations", booking(official, agenda, start, email()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  public Status statusOf(String reservationId) {
    return storage.reservations().find(ReservationId.parse(reservationId)).orElseThrow().status();
  }

  public long reservationsAt(String official, Instant start) {
    return storage.reservations().ofOfficial(org.civicdiary.booking.model.OfficialId.of(official), start, start.plusSeconds(60))
        .stream().filter(r -> r.status().holdsSlots()).count();
  }
}
