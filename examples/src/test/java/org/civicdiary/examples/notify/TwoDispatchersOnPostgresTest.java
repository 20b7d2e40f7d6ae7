package org.civicdiary.examples.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.MessageId;
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
import org.civicdiary.notify.DeliveryFailed;
import org.civicdiary.notify.Notice;
import org.civicdiary.notify.Notifier;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server nodes, each with its own connection pool and dispatcher, work one PostgreSQL outbox
 * and one SMTP server: every message goes out exactly once, and both nodes take part.
 */
class TwoDispatchersOnPostgresTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String POSTGRES_URL = System.getenv().getOrDefault("CIVIC_DIARY_TEST_JDBC_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final Clock MONDAY = Clock.fixed(Instant.parse("2027-03-01T06:00:00Z"), ZoneOffset.UTC);
  private static final OfficialId NOVAK = OfficialId.of("novak");
  private static final OfficialId DVORAKOVA = OfficialId.of("dvorakova");
  private static final AgendaId ID_CARDS = AgendaId.of("id-cards");
  private static final int BOOKINGS = 60;

  private String schema;
  private final List<Injector> nodes = new ArrayList<>();

  @BeforeEach
  void setUp() {
    schema = "cd_notify_" + UUID.randomUUID().toString().substring(0, 8);
    execute("create schema " + schema);
  }

  @AfterEach
  void tearDown() {
    for (Injector node : nodes) {
      node.getInstance(OutboxDispatcher.class).stop();
      node.getInstance(JdbcStorage.class).close();
    }
    execute("drop schema " + schema + " cascade");
  }

  @Test
  void neverSendTheSameMessageTwice() throws Exception {
    Counting a = new Counting("a");
    Counting b = new Counting("b");
    Injector first = node(a);
    Injector second = node(b);
    CivicDiary diary = first.getInstance(CivicDiary.class);
    Storage storage = first.getInstance(Storage.class);
    createTownHall(storage);

    first.getInstance(OutboxDispatcher.class).start();
    second.getInstance(OutboxDispatcher.class).start();
    for (int i = 0; i < BOOKINGS; i++) {
      OfficialId official = i % 2 == 0 ? NOVAK : DVORAKOVA;
      Instant start = Instant.parse("2027-03-02T07:00:00Z").plus(Duration.ofMinutes(15L * (i / 2)));
      diary.booking().book(new BookingRequest(official, ID_CARDS, start,
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

  /** One server node: its own pool on the shared schema, its own dispatcher. */
  private Injector node(Counting counter) {
    String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema
        + "&options=-c%20TimeZone=Asia/Tokyo";
    Settings settings = Settings.of(Map.of(
        "civicdiary.mail.transport", "smtp",
        "civicdiary.mail.from", "Praha 6 <diar@praha6.example>",
        "civicdiary.mail.smtp.host", "127.0.0.1",
        "civicdiary.mail.smtp.port", Integer.toString(SMTP.getSmtp().getPort()),
        "civicdiary.mail.smtp.security", "none",
        "civicdiary.notify.poll-interval", "PT0.05S",
        "civicdiary.notify.batch-size", "5"));
    Injector injector = Guice.createInjector(
        new PersistenceModule(new PersistenceConfig(url, null, null, 4, Duration.ofSeconds(30))),
        new NotifyModule(settings),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(Clock.class).toInstance(MONDAY);
            Multibinder.newSetBinder(binder(), Notifier.class).addBinding().toInstance(counter);
          }

          @Provides
          @Singleton
          CivicDiary diary(Storage storage, Clock clock) {
            return CivicDiary.builder().storage(storage).clock(clock).build();
          }
        });
    nodes.add(injector);
    return injector;
  }

  private static void createTownHall(Storage storage) {
    storage.transactions().run(() -> {
      Place townHall = new Place("Radnice Prahy 6", "Čs. armády 601/23, Praha 6");
      storage.directory().save(new Office(OfficeId.of("praha-6"),
          LocalizedText.of("Úřad městské části Praha 6", "Prague 6 Municipal Office"), Office.DEFAULT_ZONE,
          Office.DEFAULT_SLOT, townHall,
          List.of(new ContactPhone(LocalizedText.of("call centrum", "call centre"), "220 189 111")),
          BookingPolicy.DEFAULT));
      DepartmentId civil = DepartmentId.of("civil");
      storage.directory().save(new Department(civil, OfficeId.of("praha-6"),
          LocalizedText.of("Odbor občanských záležitostí", "Civil Affairs Department"), townHall));
      storage.directory().save(new Official(NOVAK, civil, "Jan Novák", "kancelář 212", null, true));
      storage.directory().save(new Official(DVORAKOVA, civil, "Eva Dvořáková", "kancelář 214", null, true));
      storage.directory().save(new Agenda(ID_CARDS, civil, LocalizedText.of("Občanské průkazy", "Identity cards"), 1,
          Set.of(NOVAK, DVORAKOVA)));
      for (OfficialId official : List.of(NOVAK, DVORAKOVA)) {
        storage.diaries().replaceWindows(official, List.of(
            Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0), LocalDate.of(2027, 1, 1))));
      }
    });
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(POSTGRES_URL); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql.toLowerCase(Locale.ROOT) + ": " + e.getMessage(), e);
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
