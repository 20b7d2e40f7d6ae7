/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import org.civicdiary.testkit.contract.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.BookingServer;
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
  private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();

  /** A fresh storage with nothing in it; called once per test class. */
  protected abstract Storage createStorage();

  @BeforeAll
  protected void startServer() {
    storage = createStorage();
    TestOffice.seed(storage);
    clock = new MutableClock(TestOffice.START);
    server = startServer(Map.of());
    api = new ApiClient(ApiClient.newHttpClient(), server.uri());
  }

  @AfterAll
  protected void stopServers() {
    servers.forEach(BookingServer::stop);
    servers.clear();
  }

  /** Another server over the same storage and clock, with some settings changed. */
  public BookingServer startServer(Map<String, String> overrides) {
    BookingServer started = TestServers.start(storage, clock, overrides);
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

  @Nested
  class Authentication extends AuthPart {
    Authentication() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class StaffFlows extends StaffFlowsPart {
    StaffFlows() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class ProofOfWork extends ProofOfWorkPart {
    ProofOfWork() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class RoleMatrix extends RoleMatrixPart {
    RoleMatrix() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class Offices extends OfficesPart {
    Offices() {
      super(HttpApiContract.this);
    }
  }
  @Nested
  class Feeds extends FeedsPart {
    Feeds() {
      super(HttpApiContract.this);
    }
  }


  @Nested
  class Webhooks extends WebhooksPart {
    Webhooks() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class BusyFeeds extends BusyFeedsPart {
    BusyFeeds() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class WaitingList extends WaitingListPart {
    WaitingList() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class Deputies extends DeputiesPart {
    Deputies() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class Proposals extends ProposalsPart {
    Proposals() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class CheckIn extends CheckInPart {
    CheckIn() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class ChannelQuotas extends ChannelQuotasPart {
    ChannelQuotas() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class Horizon extends HorizonPart {
    Horizon() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class Places extends PlacesPart {
    Places() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class Operators extends OperatorsPart {
    Operators() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class WeekendService extends WeekendServicePart {
    WeekendService() {
      super(HttpApiContract.this);
    }
  }

  @Nested
  class ClosureDays extends ClosureDaysPart {
    ClosureDays() {
      super(HttpApiContract.this);
    }
  }

  // ---------------------------------------------------------------- helpers shared by the tests

  /** A bearer token of the staff member, logging in once per test class. */
  public String token(String username) {
    return tokens.computeIfAbsent(username, this::login);
  }

  /** The API as this staff member (bearer token). */
  public ApiClient as(String username) {
    return api.bearer(token(username));
  }

  /** A fresh session's bearer token. */
  public String login(String username) {
    Response r = api.post("/api/v1/staff/login", Map.of("username", username, "password", TestOffice.PASSWORD, "bearer", true));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("token").asText();
  }

  /**
   * Puts the clock back to the start. Sessions made while it was ahead may have swept the cached
   * ones away as expired, so those are forgotten too.
   */
  public void resetClock() {
    clock.set(TestOffice.START);
    tokens.clear();
  }

  /** A number not handed out before in this test class: lets parts pick fresh slots across test instances. */
  public int next() {
    return sequence.getAndIncrement();
  }

  public int auditSize() {
    return storage.auditLog().latest(100_000).size();
  }

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
