/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.DeliveryFailed;
import org.civicdiary.notify.Notice;
import org.civicdiary.notify.Notifier;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.testkit.NeedsPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server nodes, each with its own connection pool and dispatcher, work one PostgreSQL outbox
 * and one SMTP server: every message goes out exactly once, and both nodes take part.
 */
@NeedsPostgres
class TwoDispatchersOnPostgresTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Clock MONDAY = Clock.fixed(Instant.parse("2027-03-01T06:00:00Z"), ZoneOffset.UTC);
  private static final int BOOKINGS = 60;

  private final FreshDatabase database = FreshDatabase.postgres("notify");
  private final List<Injector> nodes = new ArrayList<>();

  @AfterEach
  void tearDown() {
    for (Injector node : nodes) {
      node.getInstance(OutboxDispatcher.class).stop();
      node.getInstance(JdbcStorage.class).close();
    }
    database.close();
  }

  @Test
  void neverSendTheSameMessageTwice() throws Exception {
    Counting a = new Counting("a");
    Counting b = new Counting("b");
    Injector first = node(a);
    Injector second = node(b);
    CivicDiary diary = first.getInstance(CivicDiary.class);
    Storage storage = first.getInstance(Storage.class);
    MailTown.create(storage, 2);

    first.getInstance(OutboxDispatcher.class).start();
    second.getInstance(OutboxDispatcher.class).start();
    for (int i = 0; i < BOOKINGS; i++) {
      OfficialId official = MailTown.official(i % 2);
      Instant start = Instant.parse("2027-03-02T07:00:00Z").plus(Duration.ofMinutes(15L * (i / 2)));
      diary.booking().book(new BookingRequest(official, MailTown.ID_CARDS, start,
          new Citizen("Občan Č. " + i, "obcan" + i + "@example.cz", null), "Žádost č. " + i, Channel.WEB, Language.CS));
    }

    assertThat(SMTP.waitForIncomingEmail(30_000, BOOKINGS)).isTrue();
    waitFor(() -> storage.outbox().pendingCount() == BOOKINGS); // only the reminders, due from Monday 07:00
    first.getInstance(OutboxDispatcher.class).stop();
    second.getInstance(OutboxDispatcher.class).stop();

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(BOOKINGS);
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage message : received) {
      copies.merge(message.getMessageID(), 1, Integer::sum);
    }
    assertThat(copies).hasSize(BOOKINGS);
    assertThat(copies.values()).containsOnly(1);
    for (String id : copies.keySet()) {
      MessageId outboxId = MessageId.parse(id.substring(1, 37));
      assertThat(storage.outbox().find(outboxId).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
    }
    assertThat(a.delivered.get() + b.delivered.get()).isEqualTo(BOOKINGS);
    assertThat(a.delivered.get()).as("node a took part").isPositive();
    assertThat(b.delivered.get()).as("node b took part").isPositive();
    assertThat(storage.outbox().parked()).isEmpty();
  }

  /** One server node: its own pool on the shared database, its own dispatcher. */
  private Injector node(Counting counter) {
    Settings settings = Settings.of(Map.of(
        "civicdiary.mail.transport", "smtp",
        "civicdiary.mail.from", "Praha 6 <diar@praha6.example>",
        "civicdiary.mail.smtp.host", "127.0.0.1",
        "civicdiary.mail.smtp.port", Integer.toString(SMTP.getSmtp().getPort()),
        "civicdiary.mail.smtp.security", "none",
        "civicdiary.notify.poll-interval", "PT0.05S",
        "civicdiary.notify.batch-size", "5"));
    Injector injector = Guice.createInjector(
        new PersistenceModule(PersistenceConfig.builder().url(database.url()).user(database.user()).password(database.password()).poolSize(4).connectionTimeout(Duration.ofSeconds(30)).build()),
        new NotifyModule(settings),
        new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(MONDAY);
            Multibinder.newSetBinder(binder(), Notifier.class).addBinding().toInstance(counter);
          }
        });
    nodes.add(injector);
    return injector;
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Counts what one node delivered, beside its SMTP channel. */
  private static final class Counting implements Notifier {
    final AtomicInteger delivered = new AtomicInteger();
    private final String node;

    Counting(String node) {
      this.node = node;
    }

    @Override
    public String name() {
      return "count-" + node;
    }

    @Override
    public void deliver(Notice notice) throws DeliveryFailed {
      delivered.incrementAndGet();
    }
  }
}
