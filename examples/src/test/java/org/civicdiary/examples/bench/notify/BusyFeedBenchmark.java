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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
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
import org.civicdiary.notify.BusyFeedConfig;
import org.civicdiary.notify.BusyFeedPoller;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.testkit.FreshDatabase;

/**
 * One poll of 500 officials' busy feeds served by a local HTTP server (the JDK's, on 127.0.0.1):
 * each calendar has weekly meetings, one-off events and an all-day event, about 60 events that
 * expand to about 85 busy intervals within the horizon. Times the first poll (every feed fetched
 * and parsed, every official's intervals replaced: a first poll or a catch-up) and a second one
 * (every feed answers 304), then measures the booking p99 of bookings one after another for the
 * same time in three cases: no poll running; the background poller in steady state (every feed
 * due once per poll interval at its own place in it, and every calendar changed since its last
 * poll, so each poll fetches, parses and stores it); and one catch-up poll (every feed due at
 * once, as after an outage, every calendar changed), which the background poller spreads over the
 * catch-up spread: this run lasts until every feed has been polled. A short run by hand, not a
 * test:
 *
 * <pre>
 * mvn -B -q -pl examples test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.notify.BusyFeedBenchmark postgres 500 4 1 600 120
 * </pre>
 *
 * Arguments: {@code h2} or {@code postgres} (a database of its own, dropped afterwards),
 * officials, fetching threads ({@code civicdiary.busy-feeds.threads}), parsing threads ({@code
 * civicdiary.busy-feeds.parse-threads}), the poll interval in seconds (600, the default) and how
 * long the first two booking runs last, in seconds (the interval unless given: then the
 * steady-state run sees every feed polled once; a shorter run sees that share of them), and the
 * catch-up spread ({@code civicdiary.busy-feeds.catch-up-spread}, ISO-8601; {@code PT0S} starts
 * every feed at once).
 */
public final class BusyFeedBenchmark {
  private static final Instant START = Instant.parse("2027-03-01T07:00:00Z");
  private static final OfficeId OFFICE = OfficeId.of("p6");
  private static final DepartmentId DEPARTMENT = DepartmentId.of("civil");
  private static final AgendaId AGENDA = AgendaId.of("id-card");

  private BusyFeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "h2";
    int officials = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    String threads = args.length > 2 ? args[2] : "4";
    String parseThreads = args.length > 3 ? args[3] : "1";
    Duration interval = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 600);
    Duration run = args.length > 5 ? Duration.ofSeconds(Integer.parseInt(args[5])) : interval;
    Duration spread = args.length > 6 ? Duration.parse(args[6]) : BusyFeedConfig.DEFAULT_CATCH_UP_SPREAD;
    // Time moves (the background poller needs it to), from a fixed Monday morning.
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
    Calendars calendars = new Calendars();
    ExecutorService handlers = Executors.newFixedThreadPool(8);
    HttpServer server = calendars.serve(handlers);
    // Stopped whatever happens below: its non-daemon threads would keep a failed run from exiting.
    try {
      run(engine, officials, threads, parseThreads, interval, run, spread, clock, calendars, server);
    } finally {
      server.stop(0);
      handlers.shutdownNow();
    }
  }

  private static void run(String engine, int officials, String threads, String parseThreads, Duration interval,
      Duration run, Duration spread, Clock clock, Calendars calendars, HttpServer server) throws Exception {
    FreshDatabase database = engine.equals("postgres") ? FreshDatabase.postgres("busy_feed_bench")
        : FreshDatabase.h2("busy_feed_bench");
    Path mail = Files.createTempDirectory("busy-feed-bench-mail");
    Injector injector = Guice.createInjector(
        new PersistenceModule(PersistenceConfig.builder().url(database.url()).user(database.user())
            .password(database.password()).poolSize(10).connectionTimeout(Duration.ofSeconds(30)).build()),
        new NotifyModule(Settings.of(Map.of("civicdiary.mail.transport", "drop",
            "civicdiary.mail.drop.folder", mail.toString(), "civicdiary.busy-feeds.threads", threads,
            "civicdiary.busy-feeds.parse-threads", parseThreads,
            "civicdiary.busy-feeds.poll-interval", interval.toString(),
            "civicdiary.busy-feeds.catch-up-spread", spread.toString()))),
        new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(clock);
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
          storage.busyFeeds().all().stream().map(BusyFeed::official).toList(), START,
          START.plus(Duration.ofDays(70))).size();
      long failing = storage.busyFeeds().all().stream().filter(f -> f.failure() != null).count();
      t0 = System.nanoTime();
      poller.pollOnce();
      long second = System.nanoTime() - t0;
      System.out.printf("%s, %s fetching and %s parsing threads: %d feeds polled in %.1f s (first poll, %d busy"
          + " intervals stored, %d failing); again in %.1f s (304); %d requests%n", engine, threads, parseThreads,
          polled, first / 1e9, intervals, failing, second / 1e9, calendars.requests.get());

      Iterator<FreeSlot> free = diary.findingFreeSlots().ofDepartment(DEPARTMENT, AGENDA,
          LocalDate.of(2027, 3, 2), LocalDate.of(2027, 4, 20)).iterator();
      Bookings quiet = book(diary, free, run);
      System.out.printf("booking p99 without polls: %s%n", quiet);

      // Steady state: every calendar changes between polls, and every feed was last polled half
      // an interval ago, so each comes due once within the next interval, at its own place in it.
      calendars.changing = true;
      Instant halfAgo = clock.instant().minus(interval.dividedBy(2));
      storage.transactions().run(() -> storage.busyFeeds().all().forEach(f ->
          storage.busyFeeds().save(f.succeeded(f.etag(), f.lastModified(), halfAgo))));
      int before = calendars.fetched.get();
      poller.start();
      Bookings steady = book(diary, free, run);
      poller.stop();
      System.out.printf("booking p99 while the poller runs in steady state: %s; %d calendars fetched and"
          + " parsed meanwhile%n", steady, calendars.fetched.get() - before);

      // A catch-up: every feed last polled two intervals ago (as after a node was down), every
      // calendar changed. The background poller finds them all due at once and spreads their
      // starts over the catch-up spread; bookings run until every feed has been polled.
      Instant twoAgo = clock.instant().minus(interval.multipliedBy(2));
      storage.transactions().run(() -> storage.busyFeeds().all().forEach(f ->
          storage.busyFeeds().save(f.succeeded(f.etag(), f.lastModified(), twoAgo))));
      Instant began = clock.instant();
      long t1 = System.nanoTime();
      AtomicLong caughtUp = new AtomicLong();
      BooleanSupplier done = () -> {
        if (caughtUp.get() == 0 && storage.busyFeeds().all().stream().allMatch(f -> f.polledAt().isAfter(began))) {
          caughtUp.set(System.nanoTime());
        }
        return caughtUp.get() != 0;
      };
      poller.start();
      Bookings catchUp = book(diary, free, Duration.ofMinutes(5), done);
      poller.stop();
      System.out.printf("booking p99 during one catch-up poll of every feed (spread %s): %s; the catch-up took"
          + " %.1f s%n", spread, catchUp, (caughtUp.get() - t1) / 1e9);
    } finally {
      injector.getInstance(JdbcStorage.class).close();
      database.close();
    }
  }

  /** The local calendar server: calendar n at /cal/{n}.ics. */
  private static final class Calendars {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger fetched = new AtomicInteger();
    /** When set, every request gets a new version (never 304): each poll fetches, parses and stores. */
    volatile boolean changing;

    /** Serves with an ETag that a conditional request matches (304) unless changing. */
    HttpServer serve(ExecutorService handlers) throws java.io.IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(handlers);
      server.createContext("/cal/", exchange -> {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
          in.readAllBytes();
          int request = requests.incrementAndGet();
          int version = changing ? request : 1;
          String name = exchange.getRequestURI().getPath().substring("/cal/".length());
          int n = Integer.parseInt(name.replace(".ics", ""));
          String etag = "\"v" + version + "-" + n + "\"";
          if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
          }
          fetched.incrementAndGet();
          byte[] body = calendar(n, version).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("ETag", etag);
          exchange.sendResponseHeaders(200, body.length);
          out.write(body);
        }
      });
      server.start();
      return server;
    }
  }

  /** How many bookings ran and their p99. */
  private record Bookings(int count, double p99) {
    @Override
    public String toString() {
      return String.format("%.1f ms (%d bookings)", p99, count);
    }
  }

  /** Books the next free slots one after another for the given time. */
  private static Bookings book(CivicDiary diary, Iterator<FreeSlot> slots, Duration time) {
    return book(diary, slots, time, () -> false);
  }

  /** As above, stopping early once {@code done} (asked every 20 bookings). */
  private static Bookings book(CivicDiary diary, Iterator<FreeSlot> slots, Duration time, BooleanSupplier done) {
    List<Double> millis = new ArrayList<>();
    long end = System.nanoTime() + time.toNanos();
    int i = 0;
    while (System.nanoTime() < end && slots.hasNext() && (i % 20 != 0 || !done.getAsBoolean())) {
      FreeSlot slot = slots.next();
      long t0 = System.nanoTime();
      try {
        diary.booking().book(new BookingRequest(slot.official(), AGENDA, slot.start(),
            new Citizen("Občan " + i, "obcan" + i + "." + slot.start().getEpochSecond() + "@example.cz", null),
            "Občanský průkaz", Channel.WEB, Language.CS));
      } catch (RuntimeException e) {
        // A slot a poll has blocked meanwhile: still a booking attempt's latency.
      }
      millis.add((System.nanoTime() - t0) / 1e6);
      i++;
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Bookings(sorted.length, sorted[(int) Math.ceil(sorted.length * 0.99) - 1]);
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

  /**
   * Calendar n: five weekly meetings, fifty one-off meetings and an all-day event, in Prague time;
   * each version moves the first one-off meeting by a quarter of an hour.
   */
  private static String calendar(int n, int version) {
    StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n");
    for (int w = 0; w < 5; w++) {
      event(ics, "weekly-" + w, LocalDate.of(2027, 3, 1 + w).atTime(9 + (n + w) % 7, 0), 60, "RRULE:FREQ=WEEKLY;COUNT=10\r\n");
    }
    for (int e = 0; e < 50; e++) {
      event(ics, "single-" + e, LocalDate.of(2027, 3, 2).plusDays(e).atTime(8 + (n * 7 + e) % 8, 30)
          .plusMinutes(e == 0 ? 15L * (version % 4) : 0), 45, "");
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
