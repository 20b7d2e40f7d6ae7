/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.waitinglist;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import java.util.concurrent.locks.LockSupport;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.model.WaitingListStatus;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.examples.notify.MailTown;
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.Notice;
import org.civicdiary.notify.Notifier;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.testkit.FreshDatabase;

/**
 * Measures the time from a cancellation's commit to the waiting-list offer accepted by a local
 * SMTP server (GreenMail): the matcher at its default cadence (every second), then the outbox
 * dispatcher at its default poll (500 ms), as a deployment runs them in {@link CivicDiaryService}.
 * A short run by hand, not a test:
 *
 * <pre>
 * mvn -B -q -pl examples test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.waitinglist.WaitingListBenchmark postgres 30
 * </pre>
 *
 * Arguments: {@code memory} or {@code postgres} (PostgreSQL at 127.0.0.1, or CIVIC_DIARY_TEST_JDBC_URL,
 * in a database of its own that is dropped afterwards), and how many cancellations to time.
 */
public final class WaitingListBenchmark {
  /** One ordinary Tuesday morning in Prague: the days never depend on when the benchmark runs. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-12T08:30:00Z"), java.time.ZoneOffset.UTC);
  private static final int OFFICIALS = 10;
  private static final Offers OFFERS = new Offers();

  private WaitingListBenchmark() {}

  /** Runs after the SMTP channel: counts the offers the server has accepted, without polling it. */
  private static final class Offers implements Notifier {
    private int count;

    @Override
    public String name() {
      return "offers";
    }

    @Override
    public synchronized void deliver(Notice notice) {
      if (notice.message().kind() == MessageKind.WAITING_LIST_OFFER) {
        count++;
        notifyAll();
      }
    }

    synchronized int count() {
      return count;
    }

    synchronized void await(int target, Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (count < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("only " + count + " of " + target + " offers accepted in time");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "memory";
    int cancellations = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    FreshDatabase database = engine.equals("postgres") ? FreshDatabase.postgres("waiting_list_bench") : null;
    CivicDiaryService service = null;
    try {
      Injector injector = injector(engine, database, port);
      Storage storage = injector.getInstance(Storage.class);
      CivicDiary diary = injector.getInstance(CivicDiary.class);
      MailTown.create(storage, OFFICIALS);
      service = injector.getInstance(CivicDiaryService.class);
      service.start();
      measure(storage, diary, cancellations);
    } finally {
      if (service != null) {
        service.stop();
      }
      if (database != null) {
        database.close();
      }
      smtp.stop();
    }
  }

  /**
   * Each round: a booked time, an entry waiting for it (added straight to the port, so that it is
   * not offered other free time first), then the booking cancelled at a random moment of the
   * matcher's cycle; timed from the cancellation's commit to the offer accepted by SMTP.
   */
  private static void measure(Storage storage, CivicDiary diary, int rounds) throws InterruptedException {
    Random random = new Random(42);
    LocalDate day = LocalDate.ofInstant(CLOCK.instant(), Office.DEFAULT_ZONE).plusDays(7);
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      OfficialId official = MailTown.official(i % OFFICIALS);
      Instant start = day.atTime(LocalTime.of(8, 0)).atZone(Office.DEFAULT_ZONE).toInstant()
          .plus(Duration.ofMinutes(15L * (i / OFFICIALS)));
      Booked booked = diary.booking().book(new BookingRequest(official, MailTown.ID_CARDS, start,
          new Citizen("Jan Svoboda " + i, "booked" + i + "@example.cz", null), "Občanský průkaz", Channel.WEB,
          Language.CS));
      Instant now = CLOCK.instant();
      WaitingListEntry entry = new WaitingListEntry(WaitingListEntryId.random(), MailTown.CIVIL, official,
          MailTown.ID_CARDS, day, day, day.atStartOfDay(Office.DEFAULT_ZONE).toInstant(),
          day.plusDays(1).atStartOfDay(Office.DEFAULT_ZONE).toInstant(),
          new Citizen("Eva Dvořáková " + i, "waiting" + i + "@example.cz", null), "Občanský průkaz", Channel.WEB,
          Language.CS, WaitingListStatus.ACTIVE, now, now, null, null, 0);
      storage.transactions().run(() -> storage.waitingList().add(entry));
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(1000)));
      int before = OFFERS.count();
      diary.managingOwnReservation().cancel(booked.token());
      long t0 = System.nanoTime();
      OFFERS.await(before + 1, Duration.ofSeconds(30));
      millis.add((System.nanoTime() - t0) / 1_000_000);
    }
    Collections.sort(millis);
    System.out.printf(Locale.ROOT, "cancellation to waiting-list offer accepted by SMTP: %d rounds, median %d ms,"
        + " p90 %d ms, max %d ms%n", millis.size(), millis.get(millis.size() / 2),
        millis.get((int) (millis.size() * 0.9)), millis.get(millis.size() - 1));
  }

  private static Injector injector(String engine, FreshDatabase database, int port) {
    Settings settings = Settings.of(Map.of(
        "civicdiary.mail.transport", "smtp",
        "civicdiary.mail.from", "Praha 6 <diar@praha6.example>",
        "civicdiary.mail.smtp.host", "127.0.0.1",
        "civicdiary.mail.smtp.port", Integer.toString(port),
        "civicdiary.mail.smtp.security", "none"));
    AbstractModule storage;
    if (engine.equals("postgres")) {
      storage = new PersistenceModule(PersistenceConfig.builder().url(database.url()).user(database.user())
          .password(database.password()).poolSize(4).connectionTimeout(Duration.ofSeconds(30)).build());
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
        Multibinder.newSetBinder(binder(), Notifier.class).addBinding().toInstance(OFFERS);
      }
    });
  }
}
