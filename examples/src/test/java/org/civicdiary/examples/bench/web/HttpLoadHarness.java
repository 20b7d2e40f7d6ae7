/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.web;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.examples.bench.web.Load.Result;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;
import com.google.inject.multibindings.OptionalBinder;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.WebModule;

/**
 * Load on the HTTP API over PostgreSQL, each figure beside a trivial Undertow handler measured in
 * the same run on the same machine (the ceiling of this server, client and loopback): free-time
 * queries of a department of 50 officials, the highest booking rate with no error but 409, and an
 * open-loop booking load. Loopback only. Prints a Markdown table for BENCHMARKS.md.
 *
 * <p>On a shared machine the ceiling itself moves by a factor of several within minutes, so every
 * free-time figure is measured right after a run of the trivial handler and compared with that.
 *
 * <p>Arguments (all optional): seconds per closed-loop run (default 5).
 */
public final class HttpLoadHarness {
  /** One ordinary Tuesday morning in Prague: the free time measured never depends on when the harness runs. */
  static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2027-01-12T08:30:00Z"), java.time.ZoneOffset.UTC);
  private static final int CONNECTIONS = 64;
  private final Duration run;
  private final Duration warmUp = Duration.ofSeconds(2);
  private final List<String> rows = new ArrayList<>();
  private double ceiling;
  private int trivialPort;
  private final byte[] hello = RawHttp.get("/");

  private HttpLoadHarness(Duration run) {
    this.run = run;
  }

  public static void main(String[] args) throws Exception {
    Duration run = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
    new HttpLoadHarness(run).measure();
  }

  private void measure() throws Exception {
    String before = loadAverage();
    try (FreshDatabase database = FreshDatabase.postgres("webbench");
        JdbcStorage jdbc = JdbcStorage.start(
            PersistenceConfig.builder().url(database.url()).user(database.user()).password(database.password()).poolSize(20).connectionTimeout(Duration.ofSeconds(60)).build())) {
      Storage storage = jdbc.storage();
      BenchOffice.seed(storage);
      Undertow trivial = trivialServer(0);
      BookingServer cached = api(storage, "PT2S");
      BookingServer uncached = api(storage, "PT0S");
      try {
        trivialPort = ((InetSocketAddress) trivial.getListenerInfo().get(0).getAddress()).getPort();
        Load.closedLoop("warm-up", trivialPort, CONNECTIONS, Duration.ofSeconds(5), Duration.ofSeconds(1), () -> hello);
        ceiling();

        List<String[]> slots = BenchOffice.slots(CLOCK);
        AtomicInteger next = new AtomicInteger();
        Supplier<byte[]> booking = () -> {
          int i = next.getAndIncrement();
          String[] slot = slots.get(i % slots.size());
          return RawHttp.postJson("/api/v1/reservations", "{\"official\":\"" + slot[0] + "\",\"agenda\":\"" + BenchOffice.AGENDA
              + "\",\"start\":\"" + slot[1] + "\",\"name\":\"Bench Citizen\",\"email\":\"bench-" + i
              + "@example.cz\",\"topic\":\"load\",\"language\":\"en\"}");
        };
        Result best = null;
        for (int connections : new int[] {1, 4, 16, 64}) {
          Result r = Load.closedLoop("book", cached.port(), connections, Duration.ofSeconds(1), run, booking);
          row("booking, closed loop, " + connections + " connections", r);
          if (r.notOnly(409) == 0 && (best == null || r.perSecond() > best.perSecond())) {
            best = r;
          }
        }
        if (best != null) {
          row("**booking: highest rate with no error but 409** (" + best.connections() + " connections)", best);
        }
        Result open = Load.openLoop("open", cached.port(), 200, 300, 3000, Duration.ofSeconds(15), booking);
        row("booking, open loop: 300/s offered, 200 connections, 3,000 bookings (p99 goal < 50 ms)", open);

        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), Office.DEFAULT_ZONE);
        byte[] days = RawHttp.get("/api/v1/departments/" + BenchOffice.DEPARTMENT + "/days?agenda=" + BenchOffice.AGENDA
            + "&from=" + today + "&to=" + today.plusDays(55));
        AtomicInteger day = new AtomicInteger();
        Supplier<byte[]> slotsOfADay = () -> RawHttp.get("/api/v1/departments/" + BenchOffice.DEPARTMENT + "/slots?agenda="
            + BenchOffice.AGENDA + "&from=" + today.plusDays(1 + Math.floorMod(day.getAndIncrement(), 14)));
        ceiling();
        row("free time: days of the next 8 weeks, 50 officials (goal ≥ 0.2 × ceiling, ≥ 2,000/s)",
            Load.closedLoop("days", cached.port(), CONNECTIONS, warmUp, run, () -> days));
        ceiling();
        row("free time: slots of one day (14 days in turn), 50 officials (goal ≥ 0.2 × ceiling, ≥ 2,000/s)",
            Load.closedLoop("slots", cached.port(), CONNECTIONS, warmUp, run, slotsOfADay));
        row("free time without the answer cache: days of 8 weeks",
            Load.closedLoop("days-uncached", uncached.port(), 16, warmUp, run, () -> days));
        row("free time without the answer cache: slots of one day",
            Load.closedLoop("slots-uncached", uncached.port(), 16, warmUp, run, slotsOfADay));
        ceiling();
      } finally {
        cached.stop();
        uncached.stop();
        trivial.stop();
      }
    }
    System.out.println();
    System.out.println("| measurement | connections | requests | per second | × ceiling | statuses | p50 ms | p99 ms | max ms |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println("load average before: " + before + "; after: " + loadAverage() + "; cores: "
        + Runtime.getRuntime().availableProcessors() + "; " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version"));
  }

  /** Measures the trivial handler now; the rows after it are compared with this. */
  private void ceiling() throws InterruptedException {
    Result r = Load.closedLoop("trivial", trivialPort, CONNECTIONS, warmUp, run, () -> hello);
    ceiling = r.perSecond();
    row("trivial Undertow handler (the ceiling for the rows below)", r);
  }

  private void row(String name, Result r) {
    String line = String.format("| %s | %d | %,d | %,.0f | %.2f | %s%s | %.1f | %.1f | %.1f |", name, r.connections(), r.requests(),
        r.perSecond(), r.perSecond() / ceiling, r.statuses(), r.errors() > 0 ? " + " + r.errors() + " I/O errors" : "",
        r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.maxMicros() / 1000.0);
    rows.add(line);
    System.out.println(line);
  }

  /** A handler that answers a constant small JSON at once: the ceiling of this client, machine and loopback; port 0 picks one. */
  public static Undertow trivialServer(int port) {
    ByteBuffer body = ByteBuffer.wrap("{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
    Undertow server = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
        .setHandler(exchange -> {
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
          exchange.getResponseSender().send(body.duplicate());
        })
        .build();
    server.start();
    return server;
  }

  /** The API as a host runs it, with limits that a single load generator address does not meet, without proof of work. */
  private static BookingServer api(Storage storage, String freeTimeCache) {
    return api(storage, Map.of("civicdiary.web.free-time-cache", freeTimeCache, "civicdiary.pow.max-number", "0"));
  }

  /** The same with these settings added (or replaced). */
  static BookingServer api(Storage storage, Map<String, String> more) {
    Map<String, String> settings = new java.util.HashMap<>(Map.of(
        "civicdiary.web.port", "0",
        "civicdiary.web.rate.booking-per-address", "1000000/PT1S",
        "civicdiary.web.rate.booking-per-email", "1000000/PT1S",
        "civicdiary.web.rate.queries-per-address", "1000000/PT1S"));
    settings.putAll(more);
    Injector injector = Guice.createInjector(new WebModule(Settings.of(settings)),
        binder -> binder.bind(Storage.class).toInstance(storage),
        binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(CLOCK));
    return BookingServer.start(injector);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
