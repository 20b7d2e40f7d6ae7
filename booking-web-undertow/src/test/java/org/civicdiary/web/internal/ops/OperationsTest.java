/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.ops;

import org.civicdiary.testkit.contract.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SubmissionPublisher;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.port.Transactions;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.HttpApiContract;
import org.civicdiary.web.contract.TestOffice;
import org.civicdiary.web.contract.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What operators and the protections see: the storage down (503, not ready), a request over its
 * time limit (503), metrics, client addresses behind a proxy, and a chunked body over the limit.
 */
class OperationsTest {
  private final List<BookingServer> servers = new ArrayList<>();
  private FaultyStorage faulty;
  private MutableClock clock;

  @BeforeEach
  void seed() {
    faulty = new FaultyStorage(InMemoryStorage.create());
    TestOffice.seed(faulty.storage());
    clock = new MutableClock(TestOffice.START);
  }

  @AfterEach
  void stop() {
    faulty.release();
    servers.forEach(BookingServer::stop);
  }

  private ApiClient start(Map<String, String> settings) {
    BookingServer server = TestServers.start(faulty.storage(), clock, settings);
    servers.add(server);
    return new ApiClient(ApiClient.newHttpClient(), server.uri());
  }

  private static void assertProblem(Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("code").asText()).isEqualTo(code);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void storageDownIs503WithRetryAfterAndNotReadyButLive() {
    ApiClient api = start(Map.of());
    faulty.down(true);
    Response read = api.get("/api/v1/departments");
    assertProblem(read, 503, "storage-unavailable");
    assertThat(read.header("Retry-After")).contains("5");
    assertProblem(api.post("/api/v1/reservations", HttpApiContract.booking(TestOffice.NOVAK, TestOffice.ID_CARD,
        TestOffice.slot(1, 0, 0), HttpApiContract.email())), 503, "storage-unavailable");
    assertThat(api.get("/health/ready").status()).isEqualTo(503);
    assertThat(api.get("/health/live").status()).isEqualTo(200);
    faulty.down(false);
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/officials/novak/slots?agenda=id-card&from=" + TestOffice.day(1, 0)).json()
        .path("slots")).as("nothing was booked").hasSize(8);
  }

  @Test
  void publicReadsMayGoToAStandbyAndReadinessSaysWhereTheyGo() {
    Transactions primary = faulty.storage().transactions();
    AtomicInteger publicReads = new AtomicInteger();
    AtomicReference<Transactions.Standby> standby = new AtomicReference<>(
        new Transactions.Standby(true, "the standby is at most PT0.2S behind the primary"));
    Storage withStandby = faulty.storage().toBuilder().transactions(new Transactions() {
      @Override
      public <T> T inTransaction(Supplier<T> work) {
        return primary.inTransaction(work);
      }

      @Override
      public <T> T publicRead(Supplier<T> work) {
        publicReads.incrementAndGet();
        return work.get();
      }

      @Override
      public Optional<Transactions.Standby> standby() {
        return Optional.of(standby.get());
      }
    }).build();
    BookingServer server = TestServers.start(withStandby, clock, Map.of("civicdiary.web.free-time-cache", "PT0S"));
    servers.add(server);
    ApiClient api = new ApiClient(ApiClient.newHttpClient(), server.uri());

    assertThat(start(Map.of()).get("/health/ready").json().has("standby")).as("without a standby").isFalse();
    Response ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("standby").path("publicReads").asText()).isEqualTo("standby");

    standby.set(new Transactions.Standby(false, "the standby is PT9S behind the primary, more than PT5S: public reads"
        + " go to the primary"));
    ready = api.get("/health/ready");
    assertThat(ready.status()).as("the primary serves the public reads").isEqualTo(200);
    assertThat(ready.json().path("status").asText()).isEqualTo("UP");
    assertThat(ready.json().path("standby").path("publicReads").asText()).isEqualTo("primary");
    assertThat(ready.json().path("standby").path("detail").asText()).contains("PT9S behind");

    for (String read : List.of("/api/v1/departments", "/api/v1/departments/" + TestOffice.CIVIL,
        "/api/v1/officials/novak/slots?agenda=id-card&from=" + TestOffice.day(1, 0),
        "/api/v1/officials/novak/days?agenda=id-card&from=" + TestOffice.day(1, 0))) {
      int before = publicReads.get();
      assertThat(api.get(read).status()).as(read).isEqualTo(200);
      assertThat(publicReads.get()).as("public reads of " + read).isGreaterThan(before);
    }
  }

  @Test
  void madeUpMethodsAre501AndShareOneSeriesLabelledOther() throws Exception {
    ApiClient api = start(Map.of());
    HttpClient client = ApiClient.newHttpClient();
    for (int i = 0; i < 300; i++) {
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/departments"))
              .method("XABCDEFGHIJ" + i, HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(501);
      assertThat(answer.body()).contains("method-not-implemented").doesNotContain("XABC");
    }
    assertThat(api.get("/api/v1/departments").status()).as("standard methods still served").isEqualTo(200);
    String metrics = api.get("/metrics").body();
    assertThat(metrics).doesNotContain("XABC");
    assertThat(metrics.lines().filter(l -> l.startsWith("civicdiary_http_requests_seconds_count{method=\"OTHER\""))
        .toList()).as("one series for all of them").hasSize(1)
        .allSatisfy(l -> assertThat(l).contains("status=\"501\"").endsWith(" 300"));
  }

  @Test
  void theRequestMetricKeepsAtMostItsCapOfRoutes() {
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    Metrics metrics = new Metrics(registry, InMemoryStorage.create().outbox());
    for (int i = 0; i < 2000; i++) {
      metrics.request("GET", "/made-up/" + i, 200, 1000);
    }
    assertThat(registry.find("civicdiary.http.requests").timers()).hasSizeLessThanOrEqualTo(500);
    assertThat(Metrics.methodLabel("PATCH")).isEqualTo("PATCH");
    assertThat(Metrics.methodLabel("patch")).isEqualTo("OTHER");
  }

  @Test
  void aRequestOverItsTimeLimitIs503AndTheServerCarriesOn() {
    ApiClient api = start(Map.of("civicdiary.web.request-timeout", "PT0.3S"));
    CountDownLatch stuck = faulty.hang();
    long started = System.nanoTime();
    Response slow = api.get("/api/v1/departments");
    assertProblem(slow, 503, "timeout");
    assertThat(slow.header("Retry-After")).isPresent();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    stuck.countDown();
    faulty.release();
    assertThat(api.get("/api/v1/departments").status()).isEqualTo(200);
  }

  @Test
  void metricsCountBookingsConflictsRejectionsBacklogAndLatency() {
    ApiClient api = start(Map.of());
    var body = HttpApiContract.booking(TestOffice.NOVAK, TestOffice.ID_CARD, TestOffice.slot(1, 0, 0), HttpApiContract.email());
    assertThat(api.post("/api/v1/reservations", body).status()).isEqualTo(201);
    body.put("email", HttpApiContract.email());
    assertThat(api.post("/api/v1/reservations", body).status()).isEqualTo(409);
    assertThat(api.get("/api/v1/nothing").status()).isEqualTo(404);
    Response metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("civicdiary_bookings_total{channel=\"WEB\"} 1.0")
        .contains("civicdiary_booking_conflicts_total 1.0")
        .contains("civicdiary_rejections_total{cause=\"slot-taken\"} 1.0")
        .contains("civicdiary_rejections_total{cause=\"not-found\"} 1.0")
        .contains("civicdiary_outbox_pending 2.0")
        .contains("civicdiary_http_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/reservations\",status=\"201\"");
    ApiClient elsewhere = start(Map.of("civicdiary.web.metrics-from", "10.0.0.0/8"));
    assertProblem(elsewhere.get("/metrics"), 403, "metrics-refused");
  }

  @Test
  void behindATrustedProxyTheForwardedClientHasItsOwnBucketAndOtherwiseTheHeaderIsIgnored() {
    ApiClient proxied = start(Map.of("civicdiary.web.trusted-proxies", "127.0.0.1, ::1",
        "civicdiary.web.rate.queries-per-address", "1/PT1H"));
    String query = "/api/v1/departments";
    assertThat(proxied.get(query, "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(200);
    assertThat(proxied.get(query, "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(429);
    assertThat(proxied.get(query, "X-Forwarded-For", "198.51.100.1, 203.0.113.8").status()).as("the last hop not a proxy").isEqualTo(200);
    // HAProxy's option forwardfor adds its hop as a second header line: every line counts, in order.
    assertThat(proxied.get(query, "X-Forwarded-For", "203.0.113.11", "X-Forwarded-For", "127.0.0.1").status())
        .isEqualTo(200);
    assertThat(proxied.get(query, "X-Forwarded-For", "203.0.113.11", "X-Forwarded-For", "127.0.0.1").status())
        .as("the same client behind two lines").isEqualTo(429);
    assertThat(proxied.get(query, "X-Forwarded-For", "203.0.113.12", "X-Forwarded-For", "127.0.0.1").status())
        .as("another client behind two lines, not the proxy's bucket").isEqualTo(200);
    ApiClient direct = start(Map.of("civicdiary.web.rate.queries-per-address", "1/PT1H"));
    assertThat(direct.get(query, "X-Forwarded-For", "203.0.113.9").status()).isEqualTo(200);
    assertThat(direct.get(query, "X-Forwarded-For", "203.0.113.10").status()).as("a client cannot pick its bucket").isEqualTo(429);
  }

  @Test
  void forwardedHopsWithPortsAreReadAndAnIpv6ClientCountsByItsSlash64() {
    ApiClient proxied = start(Map.of("civicdiary.web.trusted-proxies", "127.0.0.1, ::1",
        "civicdiary.web.rate.queries-per-address", "1/PT1H"));
    String query = "/api/v1/departments";
    assertThat(proxied.get(query, "X-Forwarded-For", "203.0.113.7:4711").status()).isEqualTo(200);
    assertThat(proxied.get(query, "X-Forwarded-For", "203.0.113.7:5050").status()).as("the same client, another port")
        .isEqualTo(429);
    assertThat(proxied.get(query, "X-Forwarded-For", "[2001:db8:1:2::1]:443").status()).isEqualTo(200);
    assertThat(proxied.get(query, "X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:fffe").status())
        .as("another address of the same /64").isEqualTo(429);
    assertThat(proxied.get(query, "X-Forwarded-For", "2001:db8:1:3::1").status()).as("the next /64").isEqualTo(200);
  }

  @Test
  void metricsAreForLoopbackOrTheTokenNotForAPrivateNetworkBehindTheProxy() {
    String token = "0123456789abcdef0123456789abcdef-metrics";
    ApiClient proxied = start(Map.of("civicdiary.web.trusted-proxies", "127.0.0.1, ::1",
        "civicdiary.web.metrics-token", token));
    assertProblem(proxied.get("/metrics", "X-Forwarded-For", "10.1.2.3"), 403, "metrics-refused");
    assertProblem(proxied.get("/metrics", "X-Forwarded-For", "10.1.2.3", "Authorization", "Bearer " + token + "x"),
        403, "metrics-refused");
    assertThat(proxied.get("/metrics", "X-Forwarded-For", "10.1.2.3", "Authorization", "Bearer " + token).status())
        .isEqualTo(200);
    assertThat(proxied.get("/metrics").status()).as("loopback").isEqualTo(200);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(Map.of("civicdiary.web.metrics-token", "short")))
        .hasMessageContaining("civicdiary.web.metrics-token");
  }

  @Test
  void hstsOnlyWhenTheClientCameOverTls() {
    ApiClient proxied = start(Map.of("civicdiary.web.trusted-proxies", "127.0.0.1, ::1"));
    assertThat(proxied.get("/api/v1/departments", "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
        .contains("max-age=31536000");
    assertThat(proxied.get("/api/v1/departments").header("Strict-Transport-Security")).isEmpty();
    ApiClient direct = start(Map.of());
    assertThat(direct.get("/api/v1/departments", "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
        .as("not from a client's own header").isEmpty();
  }

  /** A raw connection to the server, to send what no HTTP client would. */
  private static java.net.Socket connect(ApiClient api) throws java.io.IOException {
    java.net.Socket socket = new java.net.Socket(api.base().getHost(), api.base().getPort());
    socket.setSoTimeout(15_000);
    return socket;
  }

  private static void write(java.net.Socket socket, String text) throws java.io.IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  @Test
  void aBodySentByteByByteLosesItsConnectionAtTheBodyDeadline() throws Exception {
    ApiClient api = start(Map.of("civicdiary.web.body-timeout", "PT1S"));
    try (java.net.Socket socket = connect(api)) {
      write(socket, "POST " + api.base().getPath() + "/api/v1/reservations HTTP/1.1\r\nHost: x\r\n"
          + "Content-Type: application/json\r\nContent-Length: 2000\r\n\r\n{");
      long started = System.nanoTime();
      boolean closed = false;
      // one byte every 200 ms would keep any per-read timeout alive for ever
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          write(socket, " ");
          socket.setSoTimeout(200);
          closed = socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
          // nothing yet: send the next byte
        } catch (java.io.IOException reset) {
          closed = true;
        }
      }
      assertThat(closed).as("the server closed the connection").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
    assertThat(api.get("/api/v1/departments").status()).as("others are served").isEqualTo(200);
  }

  @Test
  void oneAddressHoldsAtMostItsCapOfConnections() throws Exception {
    ApiClient api = start(Map.of("civicdiary.web.connections-per-address", "3"));
    List<java.net.Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        java.net.Socket socket = connect(api);
        sockets.add(socket);
        write(socket, "GET " + api.base().getPath() + "/health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        byte[] head = new byte[12];
        int read = socket.getInputStream().readNBytes(head, 0, head.length);
        if (i < 3) {
          assertThat(new String(head, 0, read, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        } else {
          assertThat(read).as("the fourth connection is closed unanswered").isZero();
        }
      }
    } finally {
      for (java.net.Socket socket : sockets) {
        socket.close();
      }
    }
  }

  @Test
  void staffRequestsAreCountedPerAddressBeforeAuthenticationOrBody() {
    ApiClient api = start(Map.of("civicdiary.web.rate.staff-per-address", "2/PT1H"));
    assertThat(api.get("/api/v1/staff/me").status()).isEqualTo(401);
    assertThat(api.post("/api/v1/staff/login", Map.of("username", "x", "password", "y")).status()).isEqualTo(401);
    Response third = api.post("/api/v1/staff/login", Map.of("username", TestOffice.ADMIN, "password", TestOffice.PASSWORD));
    assertProblem(third, 429, "rate-limited");
    assertThat(api.get("/api/v1/departments").status()).as("public reads have their own limit").isEqualTo(200);
  }

  @Test
  void theAnswerCacheForgetsTheBookedOfficialOnTheBookingNodeAndEmptiesOnStaffChanges() {
    ApiClient api = start(Map.of("civicdiary.web.free-time-cache", "PT1H"));
    String query = "/api/v1/officials/" + TestOffice.NOVAK + "/slots?agenda=" + TestOffice.ID_CARD + "&from=" + TestOffice.day(1, 2);
    String other = "/api/v1/officials/" + TestOffice.SVOBODA + "/slots?agenda=" + TestOffice.ID_CARD + "&from=" + TestOffice.day(1, 2);
    assertThat(api.get(query).json().path("slots")).hasSize(8);
    int otherFree = api.get(other).json().path("slots").size();
    var body = HttpApiContract.booking(TestOffice.NOVAK, TestOffice.ID_CARD, TestOffice.slot(1, 2, 0), HttpApiContract.email());
    assertThat(api.post("/api/v1/reservations", body).status()).isEqualTo(201);
    assertThat(api.get(query).json().path("slots")).as("the booking node forgets that official's answers").hasSize(7);
    // booked behind the API's back: the other official's answer still comes from the cache
    var elsewhere = HttpApiContract.booking(TestOffice.SVOBODA, TestOffice.ID_CARD, TestOffice.slot(1, 2, 0), HttpApiContract.email());
    assertThat(start(Map.of()).post("/api/v1/reservations", elsewhere).status()).isEqualTo(201);
    assertThat(api.get(other).json().path("slots")).as("other officials' answers stay").hasSize(otherFree);
    body.put("email", HttpApiContract.email());
    assertProblem(api.post("/api/v1/reservations", body), 409, "slot-taken");
    String token = api.post("/api/v1/staff/login", Map.of("username", TestOffice.ADMIN, "password", TestOffice.PASSWORD,
        "bearer", true)).json().path("token").asText();
    Response absence = api.bearer(token).post("/api/v1/staff/officials/" + TestOffice.NOVAK + "/absences", Map.of(
        "start", TestOffice.slot(1, 2, 6).toString(), "end", TestOffice.slot(1, 2, 8).toString(), "kind", "BLOCK"));
    assertThat(absence.status()).isEqualTo(201);
    assertThat(api.get(query).json().path("slots")).as("a staff change empties it: 8 less the booked and the blocked").hasSize(5);
  }

  @Test
  void theAnswerCacheIsBoundedByBytes() {
    var cache = new org.civicdiary.web.internal.http.ResponseCache(Duration.ofHours(1), 256 * 1024);
    for (int i = 0; i < 200; i++) {
      int seed = i;
      cache.json("official-slots novak range " + i, () -> incompressible(67 * 1024, seed));
    }
    java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < 200; i++) {
      cache.json("official-slots novak range " + i, () -> {
        computed.incrementAndGet();
        return new byte[1];
      });
    }
    assertThat(computed.get()).as("at most 3 answers of 67 KB fit in 256 KB: the rest were dropped").isGreaterThanOrEqualTo(196);
  }

  @Test
  void largeAnswersAreKeptCompressedSoTheSameBytesHoldManyMore() {
    var cache = new org.civicdiary.web.internal.http.ResponseCache(Duration.ofHours(1), 256 * 1024);
    for (int i = 0; i < 20; i++) {
      byte[] answer = slotsJson(i);
      assertThat(answer.length).isGreaterThan(60 * 1024);
      assertThat(cache.json("official-slots novak range " + i, () -> answer).headers())
          .containsEntry("Content-Encoding", "gzip");
    }
    java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < 20; i++) {
      cache.json("official-slots novak range " + i, () -> {
        computed.incrementAndGet();
        return new byte[1];
      });
    }
    assertThat(computed.get()).as("20 answers of over 60 KB stay in 256 KB, compressed").isZero();
    assertThat(cache.json("directory", () -> "{\"small\":true}".getBytes(StandardCharsets.UTF_8)).headers())
        .as("a small answer is kept as it is").doesNotContainKey("Content-Encoding");
  }

  @Test
  void aLargeAnswerGoesOutGzipEncodedToAClientThatAcceptsItAndPlainToOneThatDoesNot() throws Exception {
    ApiClient api = start(Map.of("civicdiary.web.free-time-cache", "PT1H"));
    String query = "/api/v1/officials/" + TestOffice.NOVAK + "/slots?agenda=" + TestOffice.ID_CARD + "&from="
        + TestOffice.day(0, 0) + "&to=" + TestOffice.day(7, 4);
    HttpClient http = ApiClient.newHttpClient();
    // twice each: the first answer is computed, the second comes from the cache (kept compressed)
    for (int round = 0; round < 2; round++) {
      HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(api.base().resolve(api.base().getPath() + query))
          .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(api.base().resolve(api.base().getPath() + query))
          .build(), HttpResponse.BodyHandlers.ofByteArray());

      assertThat(zipped.statusCode()).isEqualTo(200);
      assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
      assertThat(zipped.headers().allValues("Vary").toString()).contains("Accept-Encoding");
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(plain.headers().allValues("Vary").toString()).contains("Accept-Encoding");
      byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body())).readAllBytes();
      assertThat(new String(unzipped, StandardCharsets.UTF_8)).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
      assertThat(plain.body().length).as("a wide range is a large answer").isGreaterThan(10_000);
      assertThat(zipped.body().length).as("and compresses well").isLessThan(plain.body().length / 5);
    }
    HttpResponse<byte[]> small = http.send(HttpRequest.newBuilder(api.base().resolve(api.base().getPath()
        + "/api/v1/officials/" + TestOffice.NOVAK + "/slots?agenda=" + TestOffice.ID_CARD + "&from=" + TestOffice.day(0, 1)))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(small.headers().firstValue("Content-Encoding")).as("one day's answer is small").isEmpty();
  }

  private static byte[] incompressible(int size, int seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** About 67 KB of free-time JSON, as a wide range answers. */
  private static byte[] slotsJson(int seed) {
    StringBuilder json = new StringBuilder("{\"official\":\"novak\",\"agenda\":\"id-card\",\"slots\":[");
    java.time.Instant start = java.time.Instant.parse("2027-03-01T15:00:00Z").plus(Duration.ofDays(seed));
    for (int i = 0; i < 1100; i++) {
      java.time.Instant at = start.plus(Duration.ofMinutes(15L * i));
      json.append(i == 0 ? "" : ",").append("{\"start\":\"").append(at).append("\",\"end\":\"")
          .append(at.plus(Duration.ofMinutes(15))).append("\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() throws Exception {
    BookingServer server = TestServers.start(faulty.storage(), clock, Map.of());
    servers.add(server);
    byte[] big = ("{\"topic\": \"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(HttpApiContract.PREFIX + "/api/v1/reservations"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.fromPublisher(subscriber -> {
          SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>();
          publisher.subscribe(subscriber);
          for (int i = 0; i < big.length; i += 1000) {
            publisher.submit(ByteBuffer.wrap(big, i, Math.min(1000, big.length - i)));
          }
          publisher.close();
        }))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("body-too-large");
  }
}
