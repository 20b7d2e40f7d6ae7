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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEvent;
import org.civicdiary.booking.model.WebhookEventType;
import org.civicdiary.booking.model.WebhookSecret;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.WebhookDispatcher;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.testkit.FreshDatabase;

/**
 * Measures webhook dispatch to a local receiver (the JDK's HTTP server on 127.0.0.1, answering
 * 204): events written straight into the storage (so that booking is not measured), two per
 * reservation (created, then cancelled, so that the order rule is at work), then the background
 * dispatcher started and timed until the receiver has had them all. A short run by hand, not a test:
 *
 * <pre>
 * mvn -B -q -pl examples test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.notify.WebhookBenchmark h2 2000 2
 * </pre>
 *
 * Arguments: {@code h2} (an H2 file under target/h2) or {@code postgres} (PostgreSQL at 127.0.0.1,
 * a database of its own, dropped afterwards), events, dispatcher threads.
 */
public final class WebhookBenchmark {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-12T08:30:00Z"), java.time.ZoneOffset.UTC);

  private WebhookBenchmark() {}

  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "h2";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    String threads = args.length > 2 ? args[2] : "2";
    AtomicInteger received = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService handlers = Executors.newFixedThreadPool(8);
    receiver.setExecutor(handlers);
    receiver.createContext("/hooks", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      received.incrementAndGet();
    });
    receiver.start();
    FreshDatabase database = engine.equals("postgres") ? FreshDatabase.postgres("webhook_bench")
        : engine.equals("h2") ? FreshDatabase.h2("webhook_bench") : null;
    if (database == null) {
      throw new IllegalArgumentException("engine must be h2 or postgres, not " + engine);
    }
    Path mail = Files.createTempDirectory("webhook-bench-mail");
    Injector injector = Guice.createInjector(
        new PersistenceModule(PersistenceConfig.builder().url(database.url()).user(database.user())
            .password(database.password()).poolSize(4).connectionTimeout(Duration.ofSeconds(30)).build()),
        new NotifyModule(Settings.of(Map.of("civicdiary.mail.transport", "drop",
            "civicdiary.mail.drop.folder", mail.toString(), "civicdiary.webhooks.threads", threads))),
        new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(CLOCK);
          }
        });
    WebhookDispatcher dispatcher = injector.getInstance(WebhookDispatcher.class);
    try {
      Storage storage = injector.getInstance(Storage.class);
      URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
      storage.transactions().run(() -> storage.webhooks().save(WebhookEndpoint.register(url, "benchmark",
          EnumSet.allOf(WebhookEventType.class), false, true, WebhookSecret.generate(new SecureRandom()),
          CLOCK.instant())));
      run(storage, dispatcher, received, Math.min(1000, events), false);
      run(storage, dispatcher, received, events, true);
      if (storage.webhooks().pendingCount() != 0) {
        throw new IllegalStateException(storage.webhooks().pendingCount() + " deliveries still pending");
      }
    } finally {
      dispatcher.stop();
      injector.getInstance(JdbcStorage.class).close();
      database.close();
      receiver.stop(0);
      handlers.shutdownNow();
    }
  }

  private static void run(Storage storage, WebhookDispatcher dispatcher, AtomicInteger received, int count,
      boolean report) throws InterruptedException {
    Instant now = CLOCK.instant();
    for (int from = 0; from < count; from += 100) {
      int to = Math.min(count, from + 100);
      int start = from;
      storage.transactions().run(() -> {
        ReservationId reservation = null;
        for (int i = start; i < to; i++) {
          if (i % 2 == 0) {
            reservation = ReservationId.random();
          }
          Instant begins = now.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(15L * i));
          storage.webhooks().publish(new WebhookEvent("msg_bench_" + reservation + "_" + (i % 2),
              i % 2 == 0 ? WebhookEventType.CREATED : WebhookEventType.CANCELLED, reservation,
              DepartmentId.of("civil"), OfficialId.of("official-" + (i % 10)), AgendaId.of("id-cards"), begins,
              begins.plus(Duration.ofMinutes(15)), ZoneId.of("Europe/Prague"),
              i % 2 == 0 ? Status.ACTIVE : Status.CANCELLED, Channel.WEB, now));
        }
      });
    }
    int target = received.get() + count;
    long t0 = System.nanoTime();
    dispatcher.start();
    long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
    while (received.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + received.get() + " of " + target + " received in time");
      }
      TimeUnit.MILLISECONDS.sleep(1);
    }
    long elapsed = System.nanoTime() - t0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("civic-diary-webhooks"))
        .mapToLong(t -> threads.getThreadCpuTime(t.getId()))
        .sum();
    dispatcher.stop();
    if (report) {
      double seconds = elapsed / 1e9;
      System.out.printf("%d events in %.2f s: %.0f events/s; dispatcher threads' CPU %.2f ms per event; load %.1f%n",
          count, seconds, count / seconds, cpu / 1e6 / count,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
