/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.examples.notify.MailTown;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.Notice;
import org.civicdiary.notify.Notifier;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.testkit.FreshDatabase;

/**
 * Measures the notifier against a local GreenMail: (1) dispatch throughput, outbox to accepted by
 * SMTP, with the background dispatcher's threads ({@code civicdiary.notify.threads}, 2 by default); (2) time from the booking call to the confirmation accepted by
 * SMTP, with the background dispatcher at its default poll interval. A short run by hand, not a test:
 *
 * <pre>
 * mvn -B -q -pl examples test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.notify.NotifyBenchmark postgres 1000 30 2
 * </pre>
 *
 * Arguments: {@code memory} or {@code postgres} (PostgreSQL at 127.0.0.1, or CIVIC_DIARY_TEST_JDBC_URL,
 * in a database of its own that is dropped afterwards), messages for throughput, bookings for latency,
 * dispatcher threads.
 */
public final class NotifyBenchmark {
  /** One ordinary Tuesday morning in Prague: the bookings' day never depends on when the benchmark runs. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-12T08:30:00Z"), java.time.ZoneOffset.UTC);
  private static final DepartmentId CIVIL = MailTown.CIVIL;
  private static final AgendaId ID_CARDS = MailTown.ID_CARDS;
  private static final int OFFICIALS = 10;

  /** Runs after the SMTP channel (bound later): counts messages the server has accepted, without polling it. */
  private static final Accepted ACCEPTED = new Accepted();

  private NotifyBenchmark() {}

  private static final class Accepted implements Notifier {
    private final AtomicInteger count = new AtomicInteger();
    private final Object lock = new Object();

    @Override
    public String name() {
      return "accepted";
    }

    @Override
    public void deliver(Notice notice) {
      count.incrementAndGet();
      synchronized (lock) {
        lock.notifyAll();
      }
    }

    int count() {
      return count.get();
    }

    /** Waits until at least {@code target} messages were accepted. */
    void await(int target, Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      synchronized (lock) {
        while (count.get() < target) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new IllegalStateException("only " + count.get() + " of " + target + " accepted in time");
          }
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "memory";
    int messages = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int bookings = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    String threads = args.length > 3 ? args[3] : "2";
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    FreshDatabase database = engine.equals("postgres") ? FreshDatabase.postgres("notify_bench") : null;
    Injector injector = null;
    try {
      injector = injector(engine, database, port, threads);
      Storage storage = injector.getInstance(Storage.class);
      CivicDiary diary = injector.getInstance(CivicDiary.class);
      OutboxDispatcher dispatcher = injector.getInstance(OutboxDispatcher.class);
      MailTown.create(storage, OFFICIALS);

      // Warm-up, then the measured run, each from a full outbox.
      throughput(storage, dispatcher, Math.min(1000, messages), 0, false);
      throughput(storage, dispatcher, messages, 1_000_000, true);

      latency(diary, dispatcher, bookings);
      int expected = Math.min(1000, messages) + messages + bookings;
      if (smtp.getReceivedMessages().length != expected) {
        throw new IllegalStateException("the server holds " + smtp.getReceivedMessages().length + " messages, not "
            + expected);
      }
    } finally {
      if (injector != null) {
        injector.getInstance(OutboxDispatcher.class).stop();
        if (engine.equals("postgres")) {
          injector.getInstance(JdbcStorage.class).close();
          database.close();
        }
      }
      smtp.stop();
    }
  }

  private static void throughput(Storage storage, OutboxDispatcher dispatcher, int count, int offset,
      boolean report) throws InterruptedException {
    Instant now = Instant.now();
    Instant first = now.plus(Duration.ofDays(3));
    // Straight into the ports: the measured part is the dispatcher, not booking.
    for (int from = 0; from < count; from += 100) {
      int to = Math.min(count, from + 100);
      int start = from;
      storage.transactions().run(() -> {
        for (int i = start; i < to; i++) {
          int n = offset + i;
          OfficialId official = MailTown.official(n % OFFICIALS);
          Instant begins = first.plus(Duration.ofMinutes(15L * (n / OFFICIALS)));
          Reservation r = new Reservation(ReservationId.random(), BookingCode.numbered(n), CIVIL, official, ID_CARDS, begins,
              begins.plus(Duration.ofMinutes(15)), new Citizen("Občan Příliš Žluťoučký " + n, "obcan" + n + "@example.cz",
              null), "Žádost o nový občanský průkaz č. " + n, Channel.WEB, Language.CS, Status.ACTIVE, now, now, 0, 0,
              null);
          storage.reservations().add(r, Office.DEFAULT_SLOT);
          storage.outbox().add(OutboxMessage.about(r, MessageKind.CONFIRMATION, now, now));
        }
      });
    }
    int before = ACCEPTED.count();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long process0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    dispatcher.start();
    ACCEPTED.await(before + count, Duration.ofMinutes(10));
    long elapsed = System.nanoTime() - t0;
    long process = os.getProcessCpuTime() - process0;
    // The machine is shared: the dispatcher threads' own CPU time says what they could do alone.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("civic-diary-outbox"))
        .mapToLong(t -> threads.getThreadCpuTime(t.getId()))
        .sum();
    dispatcher.stop();
    int sent = ACCEPTED.count() - before;
    if (sent != count) {
      throw new IllegalStateException("sent " + sent + " of " + count);
    }
    if (report) {
      System.out.printf(Locale.ROOT,
          "throughput: %d messages in %.2f s = %.0f messages/s; dispatcher threads' CPU %.2f ms/message"
              + " (%.0f messages/s per core); whole JVM (dispatcher, GreenMail, JIT; not the database server) %.2f ms/message%n",
          count, elapsed / 1e9, count / (elapsed / 1e9), cpu / 1e6 / count, count / (cpu / 1e9),
          process / 1e6 / count);
    }
  }

  private static void latency(CivicDiary diary, OutboxDispatcher dispatcher, int bookings) throws InterruptedException {
    Random random = new Random(42);
    LocalDate day = LocalDate.ofInstant(CLOCK.instant(), Office.DEFAULT_ZONE).plusDays(7);
    List<Long> millis = new ArrayList<>();
    dispatcher.start();
    for (int i = 0; i < bookings; i++) {
      // A random moment within the poll cycle, as bookings come in real life.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(500)));
      int before = ACCEPTED.count();
      Instant start = day.atTime(LocalTime.of(8, 0)).atZone(Office.DEFAULT_ZONE).toInstant()
          .plus(Duration.ofMinutes(15L * (i / OFFICIALS)));
      long t0 = System.nanoTime();
      diary.booking().book(new BookingRequest(MailTown.official(i % OFFICIALS), ID_CARDS, start,
          new Citizen("Eva Dvořáková " + i, "latency" + i + "@example.cz", null), "Cestovní pas", Channel.WEB,
          Language.CS));
      ACCEPTED.await(before + 1, Duration.ofSeconds(30));
      millis.add((System.nanoTime() - t0) / 1_000_000);
    }
    dispatcher.stop();
    Collections.sort(millis);
    System.out.printf(Locale.ROOT, "booking to SMTP: %d bookings, median %d ms, p90 %d ms, max %d ms%n",
        millis.size(), millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.9)),
        millis.get(millis.size() - 1));
  }

  private static Injector injector(String engine, FreshDatabase database, int port, String threads) {
    Settings settings = Settings.of(Map.of(
        "civicdiary.mail.transport", "smtp",
        "civicdiary.mail.from", "Praha 6 <diar@praha6.example>",
        "civicdiary.mail.smtp.host", "127.0.0.1",
        "civicdiary.mail.smtp.port", Integer.toString(port),
        "civicdiary.mail.smtp.security", "none",
        "civicdiary.notify.threads", threads));
    AbstractModule storage;
    if (engine.equals("postgres")) {
      storage = new PersistenceModule(PersistenceConfig.builder().url(database.url()).user(database.user()).password(database.password()).poolSize(4).connectionTimeout(Duration.ofSeconds(30)).build());
    } else if (engine.equals("memory")) {
      storage = new AbstractModule() {
        @Provides
        @Singleton
        Storage storage() {
          return InMemoryStorage.create();
        }
      };
    } else {
      throw new IllegalArgumentException("engine must be memory or postgres, not " + engine);
    }
    return Guice.createInjector(storage, new NotifyModule(settings), new AbstractModule() {
      @Override
      protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(CLOCK);
        Multibinder.newSetBinder(binder(), Notifier.class).addBinding().toInstance(ACCEPTED);
      }
    });
  }
}
