/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
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
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.BusyFeedPoller;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.testkit.FreshDatabase;

/**
 * One poll of 500 officials' busy feeds served by a local HTTP server (the JDK's, on 127.0.0.1):
 * each calendar has weekly meetings, one-off events and an all-day event, about 60 events that
 * expand to about 120 busy intervals within the horizon. Times the first poll (every feed fetched
 * and parsed, every official's intervals replaced), a second one (every feed answers 304), and the
 * booking p99 of 400 bookings one after another while no poll runs and while polls run without a
 * pause. A short run by hand, not a test:
 *
 * <pre>
 * mvn -B -q -pl examples test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.notify.BusyFeedBenchmark postgres 500 8
 * </pre>
 *
 * Arguments: {@code h2} or {@code postgres} (a database of its own, dropped afterwards),
 * officials, poller threads.
 */
public final class BusyFeedBenchmark {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T07:00:00Z"), ZoneOffset.UTC);
  private static final OfficeId OFFICE = OfficeId.of("p6");
  private static final DepartmentId DEPARTMENT = DepartmentId.of("civil");
  private static final AgendaId AGENDA = AgendaId.of("id-card");
  private static final int BOOKINGS = 400;

  private BusyFeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "h2";
    int officials = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    String threads = args.length > 2 ? args[2] : "8";
    AtomicInteger requests = new AtomicInteger();
    ExecutorService handlers = Executors.newFixedThreadPool(8);
    HttpServer server = calendars(handlers, requests);
    FreshDatabase database = engine.equals("postgres") ? FreshDatabase.postgres("busy_feed_bench")
        : FreshDatabase.h2("busy_feed_bench");
    Path mail = Files.createTempDirectory("busy-feed-bench-mail");
    Injector injector = Guice.createInjector(
        new PersistenceModule(PersistenceConfig.builder().url(database.url()).user(database.user())
            .password(database.password()).poolSize(10).connectionTimeout(Duration.ofSeconds(30)).build()),
        new NotifyModule(Settings.of(Map.of("civicdiary.mail.transport", "drop",
            "civicdiary.mail.drop.folder", mail.toString(), "civicdiary.busy-feeds.threads", threads))),
        new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(CLOCK);
          }
        });
    try {
      Storage storage = injector.getInstance(Storage.class);
      CivicDiary diary = injector.getInstance(CivicDiary.class);
      BusyFeedPoller poller = injector.getInstance(BusyFeedPoller.class);
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/cal/";
      seed(storage, officials, base);

      long t0 = System.nanoTime();
      int polled = poller.pollOnce();
      long first = System.nanoTime() - t0;
      long intervals = storage.busyFeeds().busy(
          storage.busyFeeds().all().stream().map(BusyFeed::official).toList(), CLOCK.instant(),
          CLOCK.instant().plus(Duration.ofDays(70))).size();
      long failing = storage.busyFeeds().all().stream().filter(f -> f.failure() != null).count();
      t0 = System.nanoTime();
      poller.pollOnce();
      long second = System.nanoTime() - t0;
      System.out.printf("%s: %d feeds polled in %.1f s (first poll, %d busy intervals stored, %d failing);"
          + " again in %.1f s (304); %d requests%n", engine, polled, first / 1e9, intervals, failing, second / 1e9,
          requests.get());

      List<FreeSlot> free = diary.findingFreeSlots().ofDepartment(DEPARTMENT, AGENDA,
          LocalDate.of(2027, 3, 2), LocalDate.of(2027, 4, 20));
      double quiet = bookingP99(diary, free.subList(0, BOOKINGS));
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger background = new AtomicInteger();
      // Polls without a pause while booking, every calendar fetched, parsed and stored again each
      // time (the validators are forgotten first): the worst a poll can do to bookings.
      Thread polling = new Thread(() -> {
        while (!stop.get()) {
          storage.transactions().run(() -> storage.busyFeeds().all().forEach(f ->
              storage.busyFeeds().save(new BusyFeed(f.official(), f.url(), null, null, null, null, null, null))));
          poller.pollOnce();
          background.incrementAndGet();
        }
      });
      polling.start();
      double busy = bookingP99(diary, free.subList(BOOKINGS, 2 * BOOKINGS));
      stop.set(true);
      polling.join();
      System.out.printf("booking p99: %.1f ms without polls, %.1f ms while %d polls ran%n", quiet, busy,
          background.get());
    } finally {
      injector.getInstance(JdbcStorage.class).close();
      database.close();
      server.stop(0);
      handlers.shutdownNow();
    }
  }

  /** Serves calendar n at /cal/{n}.ics, with an ETag that a conditional request matches (304). */
  private static HttpServer calendars(ExecutorService handlers, AtomicInteger requests) throws java.io.IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(handlers);
    server.createContext("/cal/", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        in.readAllBytes();
        requests.incrementAndGet();
        String name = exchange.getRequestURI().getPath().substring("/cal/".length());
        int n = Integer.parseInt(name.replace(".ics", ""));
        String etag = "\"v1-" + n + "\"";
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        byte[] body = calendar(n).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.sendResponseHeaders(200, body.length);
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static double bookingP99(CivicDiary diary, List<FreeSlot> slots) {
    double[] millis = new double[slots.size()];
    int i = 0;
    for (FreeSlot slot : slots) {
      long t0 = System.nanoTime();
      try {
        diary.booking().book(new BookingRequest(slot.official(), AGENDA, slot.start(),
            new Citizen("Občan " + i, "obcan" + i + "." + slot.start().getEpochSecond() + "@example.cz", null),
            "Občanský průkaz", Channel.WEB, Language.CS));
      } catch (RuntimeException e) {
        // A slot a poll has blocked meanwhile: still a booking attempt's latency.
      }
      millis[i++] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(millis);
    return millis[(int) Math.ceil(millis.length * 0.99) - 1];
  }

  private static void seed(Storage storage, int officials, String base) {
    Place place = new Place("Radnice", "Čs. armády 23, Praha 6");
    List<OfficialId> ids = new ArrayList<>();
    for (int i = 0; i < officials; i++) {
      ids.add(OfficialId.of("official-" + i));
    }
    storage.transactions().run(() -> {
      storage.directory().save(new Office(OFFICE, LocalizedText.of("Praha 6", "Prague 6"), Office.DEFAULT_ZONE,
          Office.DEFAULT_SLOT, place, List.of(), BookingPolicy.DEFAULT));
      storage.directory().save(new Department(DEPARTMENT, OFFICE, LocalizedText.of("Občanské", "Civil"), place));
      List<Window> windows = new ArrayList<>();
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day.getValue() <= 5) {
          windows.add(Window.weekly(day, LocalTime.of(8, 0), LocalTime.of(17, 0), LocalDate.of(2027, 1, 1)));
        }
      }
      for (OfficialId id : ids) {
        storage.directory().save(new Official(id, DEPARTMENT, "Úředník " + id.value(), "101", null, true));
        storage.diaries().replaceWindows(id, windows);
      }
      storage.directory().save(new Agenda(AGENDA, DEPARTMENT, LocalizedText.of("Občanský průkaz", "ID card"), 1,
          Set.copyOf(ids)));
      for (int i = 0; i < officials; i++) {
        storage.busyFeeds().save(BusyFeed.of(ids.get(i), base + i + ".ics"));
      }
    });
  }

  /** Calendar n: five weekly meetings, fifty one-off meetings and an all-day event, in Prague time. */
  private static String calendar(int n) {
    StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n");
    for (int w = 0; w < 5; w++) {
      event(ics, "weekly-" + w, LocalDate.of(2027, 3, 1 + w).atTime(9 + (n + w) % 7, 0), 60, "RRULE:FREQ=WEEKLY;COUNT=10\r\n");
    }
    for (int e = 0; e < 50; e++) {
      event(ics, "single-" + e, LocalDate.of(2027, 3, 2).plusDays(e).atTime(8 + (n * 7 + e) % 8, 30), 45, "");
    }
    ics.append("BEGIN:VEVENT\r\nUID:all-day-").append(n).append("\r\nDTSTAMP:20270201T000000Z\r\n")
        .append("DTSTART;VALUE=DATE:20270315\r\nDTEND;VALUE=DATE:20270316\r\nSUMMARY:Školení\r\nEND:VEVENT\r\n");
    return ics.append("END:VCALENDAR\r\n").toString();
  }

  private static void event(StringBuilder ics, String uid, java.time.LocalDateTime start, int minutes, String rule) {
    java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    ics.append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20270201T000000Z\r\n")
        .append("DTSTART;TZID=Europe/Prague:").append(start.format(f)).append("\r\n")
        .append("DTEND;TZID=Europe/Prague:").append(start.plusMinutes(minutes).format(f)).append("\r\n")
        .append(rule).append("SUMMARY:Schůzka\r\nEND:VEVENT\r\n");
  }
}
