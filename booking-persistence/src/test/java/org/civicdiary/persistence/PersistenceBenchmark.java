/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;

/**
 * The persistence benchmark on PostgreSQL (127.0.0.1, or CIVIC_DIARY_TEST_JDBC_URL), in a schema of
 * its own that it drops at the end. Not a test: run it by hand (see BENCHMARKS.md).
 *
 * <ol>
 *   <li>Bookings per second at 1, 8 and 32 threads: the storage work of a booking through the ports
 *       (lock the diary, which stamps its busy time, add the reservation and its held slot, a manage
 *       token, the confirmation and the reminder, in one unit of work) beside a raw JDBC transaction running the same statements,
 *       alternating in rounds in the same run.
 *   <li>Free slots of a department of 50 officials with every other slot booked (weekdays
 *       08:00-18:00): {@code findingFreeSlots().ofDepartment} for one day and for 8 weeks, median.
 * </ol>
 */
public final class PersistenceBenchmark {
  private static final Duration SLOT = Fixtures.SLOT;
  private static final int OFFICIALS = 50;
  private static final int[] THREADS = {1, 8, 32};
  private static final int ROUNDS = 3;
  private static final Duration WARM_UP = Duration.ofSeconds(1);
  private static final Duration MEASURE = Duration.ofSeconds(3);
  private static final DepartmentId BENCH = DepartmentId.of("bench");
  private static final AgendaId AGENDA = AgendaId.of("bench-agenda");

  private final AtomicLong sequence = new AtomicLong();
  private final List<Instant> starts;

  private PersistenceBenchmark(List<Instant> starts) {
    this.starts = starts;
  }

  public static void main(String[] args) throws Exception {
    try (TestDatabase db = TestDatabase.postgres("bench", 8).start()) {
      Storage storage = db.storage();
      new Fixtures(storage).load();
      loadDepartment(storage);
      CivicDiary diary = diary(storage);
      List<Instant> starts = diary.findingFreeSlots().ofOfficial(official(0), AGENDA, LocalDate.of(2027, 3, 2),
          LocalDate.of(2027, 4, 30)).stream().map(FreeSlot::start).toList();
      PersistenceBenchmark bench = new PersistenceBenchmark(starts);
      // CIVIC_DIARY_BENCH_ONLY=free-slots skips the bookings (two minutes) when only the query matters.
      if (!"free-slots".equals(System.getenv("CIVIC_DIARY_BENCH_ONLY"))) {
        bench.bookings(db);
      }
      db.execute("delete from held_slot; delete from manage_token; delete from outbox_message; delete from reservation");
      freeSlots(db, diary);
    }
  }

  private static CivicDiary diary(Storage storage) {
    return CivicDiary.builder().storage(storage).clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)).build();
  }

  private static OfficialId official(int i) {
    return OfficialId.of(String.format(Locale.ROOT, "official-%02d", i));
  }

  private static void loadDepartment(Storage storage) {
    storage.transactions().run(() -> {
      storage.directory().save(new Department(BENCH, Fixtures.OFFICE, LocalizedText.of("Benchmark", "Benchmark"),
          new Place("Radnice", "Čs. armády 601/23")));
      Set<OfficialId> all = new HashSet<>();
      for (int i = 0; i < OFFICIALS; i++) {
        storage.directory().save(new Official(official(i), BENCH, "Úředník " + i, null, null, true));
        storage.diaries().replaceWindows(official(i), Fixtures.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        all.add(official(i));
      }
      storage.directory().save(new Agenda(AGENDA, BENCH, LocalizedText.of("Agenda", "Agenda"), 1, all));
    });
  }

  // ---- bookings per second ----

  private void bookings(TestDatabase db) throws Exception {
    System.out.println("bookings per second (median of " + ROUNDS + " rounds of " + MEASURE.toSeconds() + " s)");
    System.out.println("threads  adapter    raw   adapter/raw");
    for (int threads : THREADS) {
      List<Double> adapter = new ArrayList<>();
      List<Double> raw = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        // Alternate which goes first, so that neither always meets a warmer or busier machine.
        if (round % 2 == 0) {
          adapter.add(throughAdapter(db, threads));
          raw.add(throughRawJdbc(db, threads));
        } else {
          raw.add(throughRawJdbc(db, threads));
          adapter.add(throughAdapter(db, threads));
        }
      }
      double a = median(adapter);
      double r = median(raw);
      System.out.printf(Locale.ROOT, "%7d %8.0f %6.0f %8.2f%n", threads, a, r, a / r);
    }
  }

  /** The next booking's reservation: officials in turn, so concurrent bookings rarely share a diary. */
  private Reservation nextReservation() {
    long n = sequence.getAndIncrement();
    Instant start = starts.get((int) (n / OFFICIALS));
    return new Reservation(ReservationId.random(), BookingCode.numbered(n), BENCH, official((int) (n % OFFICIALS)), AGENDA, start,
        start.plus(SLOT), new Citizen("Marie Procházková", "marie" + n + "@example.cz", "+420 601 234 567"),
        "Občanský průkaz", Channel.WEB, Language.CS, Status.ACTIVE, Fixtures.NOW, Fixtures.NOW, 0, 0, null);
  }

  /** Each side opens a pool of its own, one connection per thread, so only one pool is open at a time. */
  private double throughAdapter(TestDatabase db, int threads) throws Exception {
    PersistenceConfig config = db.config.toBuilder().poolSize(threads).build();
    try (JdbcStorage jdbc = JdbcStorage.start(config)) {
      return bookThrough(jdbc.storage(), threads);
    }
  }

  private double bookThrough(Storage storage, int threads) throws Exception {
    return run(threads, () -> {
      Reservation r = nextReservation();
      String token = ManageToken.generate(new java.security.SecureRandom()).hash();
      storage.transactions().run(() -> {
        storage.diaries().lock(r.official());
        storage.reservations().add(r, SLOT);
        storage.reservations().addManageToken(r.id(), token);
        storage.outbox().add(OutboxMessage.about(r, MessageKind.CONFIRMATION, Fixtures.NOW, Fixtures.NOW));
        storage.outbox().add(OutboxMessage.about(r, MessageKind.REMINDER, Fixtures.NOW, r.start().minus(Duration.ofDays(1))));
      });
    });
  }

  private double throughRawJdbc(TestDatabase db, int threads) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.config.url());
    config.setMaximumPoolSize(threads);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      return run(threads, () -> {
        Reservation r = nextReservation();
        String token = ManageToken.generate(new java.security.SecureRandom()).hash();
        try (Connection c = pool.getConnection()) {
          c.setAutoCommit(false);
          // The diary's lock, which also stamps its busy time: one statement, as in the adapter.
          execute(c, "update official set busy_version = ? where id = ?",
              java.util.concurrent.ThreadLocalRandom.current().nextLong(), r.official().value());
          execute(c, """
              insert into reservation (id, department_id, official_id, agenda_id, start_at, end_at, citizen_name,
                citizen_email, email_key, search_text, citizen_phone, topic, channel, language, status, created_at,
                updated_at, version, sequence_number, note)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """, r.id().value(), r.department().value(), r.official().value(), r.agenda().value(), utc(r.start()),
              utc(r.end()), r.citizen().name(), r.citizen().email(), r.citizen().emailKey(),
              r.citizen().name().toLowerCase(Locale.ROOT) + "\n" + r.citizen().emailKey() + "\n" + r.citizen().phone(),
              r.citizen().phone(), r.topic(), "WEB", "CS", "ACTIVE", utc(r.createdAt()), utc(r.updatedAt()), 0, 0, null);
          execute(c, "insert into held_slot (official_id, slot_start, reservation_id) values (?, ?, ?)",
              r.official().value(), utc(r.start()), r.id().value());
          execute(c, "insert into manage_token (token_hash, reservation_id) values (?, ?)", token, r.id().value());
          for (OutboxMessage m : List.of(OutboxMessage.about(r, MessageKind.CONFIRMATION, Fixtures.NOW, Fixtures.NOW),
              OutboxMessage.about(r, MessageKind.REMINDER, Fixtures.NOW, r.start().minus(Duration.ofDays(1))))) {
            execute(c, """
                insert into outbox_message (id, kind, reservation_id, official_id, start_at, end_at, sequence_number,
                  note, created_at, due_at, state, attempts, last_error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, m.id().value(), m.kind().name(), r.id().value(), r.official().value(), utc(m.start()),
                utc(m.end()), 0, null, utc(m.createdAt()), utc(m.dueAt()), "PENDING", 0, null);
          }
          c.commit();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  private static void execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Runs the work on n threads: a warm-up, then counts completions for the measured time. */
  private static double run(int threads, Runnable work) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicBoolean counting = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        go.await();
        while (!stop.get()) {
          work.run();
          if (counting.get()) {
            done.incrementAndGet();
          }
        }
        return null;
      }));
    }
    go.countDown();
    Thread.sleep(WARM_UP.toMillis());
    counting.set(true);
    long t0 = System.nanoTime();
    Thread.sleep(MEASURE.toMillis());
    long n = done.get();
    double seconds = (System.nanoTime() - t0) / 1e9;
    stop.set(true);
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return n / seconds;
  }

  // ---- free slots of a department ----

  private static void freeSlots(TestDatabase db, CivicDiary diary) throws Exception {
    LocalDate first = LocalDate.of(2027, 3, 2);
    LocalDate last = first.plusWeeks(8).minusDays(1);
    bookEveryOtherSlot(db.storage(), diary, first, last);
    db.execute("vacuum analyze"); // after the bulk load, as autovacuum would soon do
    System.out.printf(Locale.ROOT, "free slots, department of %d officials, %d of them booked:%n", OFFICIALS,
        db.count("select count(*) from reservation where status = 'ACTIVE'"));
    LocalDate wednesday = LocalDate.of(2027, 3, 10);
    // Warm-up: the JIT compiles the code, and every pooled connection has the statements prepared
    // on the server (the driver does so at the fifth use) and reads them in binary.
    for (int i = 0; i < 50; i++) {
      diary.findingFreeSlots().ofDepartment(BENCH, AGENDA, first, last);
    }
    for (int i = 0; i < 500; i++) {
      diary.findingFreeSlots().ofDepartment(BENCH, AGENDA, wednesday, wednesday);
    }
    report("one day", () -> diary.findingFreeSlots().ofDepartment(BENCH, AGENDA, wednesday, wednesday), 500);
    report("8 weeks", () -> diary.findingFreeSlots().ofDepartment(BENCH, AGENDA, first, last), 100);
    // The busy time kept in memory, when it has to be read again: one official's diary changed since
    // the last query (the usual case under bookings), and every official's (the worst case).
    // A connection of its own for the changes, so that no connection is opened while a query is timed.
    try (Connection admin = db.connect(); PreparedStatement change = admin.prepareStatement(
        "update official set busy_version = busy_version + 1 where id like ?")) {
      int[] next = {0};
      report("8 weeks, one diary changed since", () -> changeStamps(change, official(next[0]++ % OFFICIALS).value()),
          () -> diary.findingFreeSlots().ofDepartment(BENCH, AGENDA, first, last), 100);
      report("8 weeks, all 50 diaries changed since", () -> changeStamps(change, "official-%"),
          () -> diary.findingFreeSlots().ofDepartment(BENCH, AGENDA, first, last), 50);
    }
    // What the storage's share of the 8 weeks is: the busy time of the 50 officials alone.
    List<OfficialId> officials = new ArrayList<>();
    for (int i = 0; i < OFFICIALS; i++) {
      officials.add(official(i));
    }
    Instant from = first.atStartOfDay(Fixtures.office().zone()).toInstant();
    Instant to = last.plusDays(1).atStartOfDay(Fixtures.office().zone()).toInstant();
    report("  busy()", () -> db.storage().reservations().busy(officials, from, to), 100);
  }

  private static void report(String what, java.util.function.Supplier<List<?>> query, int times) {
    report(what, () -> { }, query, times);
  }

  private static void changeStamps(PreparedStatement change, String officials) {
    try {
      change.setString(1, officials);
      change.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Times the query only, after an untimed step before each run. */
  private static void report(String what, Runnable before, java.util.function.Supplier<List<?>> query, int times) {
    long[] nanos = new long[times];
    int found = 0;
    for (int i = 0; i < times; i++) {
      before.run();
      long t0 = System.nanoTime();
      found = query.get().size();
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    // The best run is the query with a core to itself; the median is what a shared machine gave.
    System.out.printf(Locale.ROOT, "  %-38s median %6.2f ms  p90 %6.2f ms  best %6.2f ms  (%d rows)%n", what,
        nanos[times / 2] / 1e6, nanos[times * 9 / 10] / 1e6, nanos[0] / 1e6, found);
  }

  /** Every other slot of every official's diary, alternating which, in units of work of 500. */
  private static void bookEveryOtherSlot(Storage storage, CivicDiary diary, LocalDate first, LocalDate last)
      throws Exception {
    List<Reservation> all = new ArrayList<>();
    List<FreeSlot> free = diary.findingFreeSlots().ofDepartment(BENCH, AGENDA, first, last);
    int n = 0;
    for (FreeSlot s : free) {
      long index = s.start().getEpochSecond() / SLOT.getSeconds();
      int officialNumber = Integer.parseInt(s.official().value().substring("official-".length()));
      if ((index + officialNumber) % 2 == 0) {
        all.add(new Reservation(ReservationId.random(), BookingCode.numbered(n), BENCH, s.official(), AGENDA, s.start(), s.end(),
            new Citizen("Občan " + n, "obcan" + n++ + "@example.cz", null), "Agenda", Channel.WEB, Language.CS,
            Status.ACTIVE, Fixtures.NOW, Fixtures.NOW, 0, 0, null));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 500) {
      List<Reservation> chunk = all.subList(i, Math.min(all.size(), i + 500));
      futures.add(pool.submit(() -> storage.transactions().run(() -> chunk.forEach(r -> storage.reservations().add(r, SLOT)))));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
