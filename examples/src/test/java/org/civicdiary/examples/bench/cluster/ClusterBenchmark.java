/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.civicdiary.booking.model.Office;
import org.civicdiary.examples.bench.web.Load;
import org.civicdiary.examples.bench.web.Load.Result;
import org.civicdiary.examples.bench.web.RawHttp;
import org.civicdiary.examples.cluster.Cluster;
import org.civicdiary.examples.cluster.Haproxy;
import org.civicdiary.examples.notify.MailTown;
import org.civicdiary.testkit.FreshDatabase;

/**
 * Three server processes behind HAProxy on one PostgreSQL database (issue #15's speed goals), each
 * figure beside a ceiling measured in the same run:
 *
 * <ul>
 *   <li>bookings through HAProxy from {@code --threads} connections (with an idempotency key, each
 *       to a free slot of a 50-official department) against the raw JDBC booking transaction of
 *       the persistence benchmark (its seven statements, hand-written, on a pool of as many
 *       connections) from as many threads (goal: at least 0.5 of it);
 *   <li>free time (one day's slots of a department, 14 days in turn) through HAProxy against a
 *       trivial Undertow handler ("ok") in a process of its own behind the same HAProxy
 *       configuration (goal: at least 0.2 of it);
 *   <li>the outbox: confirmations per second from the booking run's first to its last sent,
 *       against the booking rate (goal: at least it); then a burst of bookings, one node killed
 *       with {@code kill -9} at its end, and the time from the kill until every confirmation is
 *       sent (goal: within 60 s).
 * </ul>
 *
 * With {@code --url} it runs on an existing database, such as the national one of
 * {@code NationalBenchmark --keep}: the 50-official department is added to it once (ids that
 * the national data does not use), bookings skip the slots earlier runs took, and the free-time
 * queries go to random departments of the national directory. Rate limits are per node unless
 * {@code --shared-limits} (every request then updates a bucket in PostgreSQL). Prints a Markdown
 * table. A run by hand:
 *
 * <pre>
 * mvn -B -q -pl examples test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.cluster.ClusterBenchmark --threads 32 --seconds 10 [--url jdbc:postgresql://…]
 * </pre>
 *
 * Arguments, all optional: {@code --nodes 3}, {@code --threads 32}, {@code --seconds 10} per
 * closed-loop run, {@code --burst 5} (seconds of the bookings before the kill), {@code --cpus N}
 * (the cores each node's JVM sizes itself for: by default this machine's cores divided among the
 * nodes, at least one, as a container's CPU limit would show them), {@code --heap 512m}
 * per node, {@code --warm-up 5} (seconds of free-time queries before the first measurement, and
 * half as many of bookings), {@code --set key=value} (a node setting, repeatable), {@code --greenmail} (the nodes send to GreenMail, which parses and stores every
 * message on these same cores, instead of {@link SmtpSink}), {@code --jvm "…"} (more options for every node's JVM, such as a profiler's), {@code --shared-limits}, {@code --url} (with {@code ?user=…} or
 * {@code --user}/{@code --password}).
 */
public final class ClusterBenchmark {
  private static final int OFFICIALS = 50;
  private static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 2);
  private static final int DAYS = 58;
  private static final byte[] HELLO = RawHttp.get("/");

  private final Cluster.Database database;
  private final int nodes;
  private final int threads;
  private final Duration run;
  private final Duration burst;
  private final String heap;
  private final Duration warmUp;
  private final int cpus;
  private final boolean sharedLimits;
  private final boolean greenMail;
  private final List<String> args;
  private final List<String> jvmExtra;
  private final List<String> rows = new ArrayList<>();
  private final List<String> cpuLines = new ArrayList<>();

  private ClusterBenchmark(Cluster.Database database, List<String> args) {
    this.database = database;
    this.args = args;
    this.nodes = Integer.parseInt(option(args, "--nodes", "3"));
    this.threads = Integer.parseInt(option(args, "--threads", "32"));
    this.run = Duration.ofSeconds(Long.parseLong(option(args, "--seconds", "10")));
    this.burst = Duration.ofSeconds(Long.parseLong(option(args, "--burst", "5")));
    this.heap = option(args, "--heap", "512m");
    // Each node's JIT compiles the same code on its share of the cores: three nodes on two cores
    // need longer than one before they run compiled code.
    this.warmUp = Duration.ofSeconds(Long.parseLong(option(args, "--warm-up", "5")));
    // Nodes that share this machine's cores each see their share, as a container's CPU limit shows
    // a JVM: otherwise each sizes its GC, JIT and I/O threads for every core, and they fight.
    int share = Math.max(1, Runtime.getRuntime().availableProcessors() / nodes);
    this.cpus = Integer.parseInt(option(args, "--cpus", Integer.toString(share)));
    this.sharedLimits = args.contains("--shared-limits");
    this.greenMail = args.contains("--greenmail");
    String extra = option(args, "--jvm", "");
    this.jvmExtra = extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
  }

  public static void main(String[] arguments) throws Exception {
    List<String> args = Arrays.asList(arguments);
    String url = option(args, "--url", null);
    if (url != null) {
      new ClusterBenchmark(new Cluster.Database(url, option(args, "--user", null), option(args, "--password", null)),
          args).measure();
      return;
    }
    try (FreshDatabase fresh = FreshDatabase.postgres("clusterbench")) {
      new ClusterBenchmark(new Cluster.Database(fresh.url(), fresh.user(), fresh.password()), args).measure();
    }
  }

  private void measure() throws Exception {
    String before = loadAverage();
    if (count("select count(*) from information_schema.tables where table_name = 'department'") == 0
        || count("select count(*) from department where id = '" + MailTown.CIVIL.value() + "'") == 0) {
      Cluster.seed(database, storage -> MailTown.create(storage, OFFICIALS));
    }
    List<String[]> slots = freeSlots();
    List<String> queries = freeTimeQueries();
    SmtpSink sink = greenMail ? null : SmtpSink.start();
    Map<String, String> settings = new java.util.HashMap<>(Map.of(
        "civicdiary.web.rate.shared", Boolean.toString(sharedLimits),
        "civicdiary.web.rate.booking-per-address", "1000000/PT1S",
        "civicdiary.web.rate.booking-per-email", "1000000/PT1S",
        "civicdiary.web.rate.queries-per-address", "1000000/PT1S",
        "civicdiary.db.pool-size", "16"));
    if (sink != null) {
      settings.put("civicdiary.mail.smtp.port", Integer.toString(sink.port()));
    }
    for (int i = args.indexOf("--set"); i >= 0 && i + 1 < args.size(); i = next(args, "--set", i)) {
      String[] pair = args.get(i + 1).split("=", 2);
      settings.put(pair[0], pair[1]);
    }
    try (Cluster cluster = Cluster.start(database, nodes, settings, jvmOptions());
        Trivial trivial = Trivial.start(cluster.folder())) {
      System.out.printf("%d nodes behind HAProxy on %s; logs in %s%n", nodes, cluster.uri(), cluster.folder());
      AtomicInteger query = new AtomicInteger();
      Supplier<byte[]> freeTime = () -> RawHttp.get(queries.get(Math.floorMod(query.getAndIncrement(), queries.size())));
      Load.closedLoop("warm-up", trivial.port(), threads, Duration.ofSeconds(3), Duration.ofSeconds(1), () -> HELLO);
      Load.closedLoop("warm-up", cluster.port(), threads, warmUp, Duration.ofSeconds(1), freeTime);

      // (ii) Free time against the trivial handler, measured right before and after it.
      Result ceilingBefore = Load.closedLoop("trivial", trivial.port(), threads, Duration.ofSeconds(2), run, () -> HELLO);
      Result free = Load.closedLoop("free-time", cluster.port(), threads, Duration.ofSeconds(2), run, freeTime);
      Result ceilingAfter = Load.closedLoop("trivial", trivial.port(), threads, Duration.ofSeconds(2), run, () -> HELLO);
      double ceiling = (ceilingBefore.perSecond() + ceilingAfter.perSecond()) / 2;
      row("trivial Undertow handler behind HAProxy (before)", ceilingBefore, ceilingBefore.perSecond(), "");
      row("trivial Undertow handler behind HAProxy (after)", ceilingAfter, ceilingAfter.perSecond(), "");
      row("free time through HAProxy: one day's slots of a department", free, ceiling, "≥ 0.2 × ceiling");

      // (i) Bookings against the raw JDBC booking transaction.
      double jdbc = rawBookings(cluster::now);
      rows.add(String.format("| raw JDBC booking transaction (7 statements, as in the persistence benchmark), %d threads"
          + " | %,.0f/s | | | ceiling | | | |", threads, jdbc));
      AtomicInteger next = new AtomicInteger();
      Supplier<byte[]> booking = () -> booking(slots.get(next.getAndIncrement() % slots.size()), next.get());
      Load.closedLoop("book-warm-up", cluster.port(), threads, warmUp.dividedBy(2), Duration.ofSeconds(1), booking);
      awaitNoConfirmationWaiting(Duration.ofMinutes(5));
      Instant runStart = cluster.now();
      Map<String, Double> cpuBefore = CpuSplit.sample(cluster.pids());
      Result booked = Load.closedLoop("book", cluster.port(), threads, Duration.ZERO, run, booking);
      cpu("the bookings through HAProxy (the nodes' dispatch of confirmations included)",
          CpuSplit.between(cpuBefore, CpuSplit.sample(cluster.pids())), booked.requests(), "booking");
      row("bookings through HAProxy (with Idempotency-Key)", booked, jdbc, "≥ 0.5 × raw JDBC");

      // (iii) Steady dispatch: the run's confirmations, from the first made to the last sent.
      long drainStart = System.nanoTime();
      awaitNoConfirmationWaiting(Duration.ofMinutes(5));
      double drainedAfter = (System.nanoTime() - drainStart) / 1e9;
      double[] dispatch = confirmations(runStart, cluster.now()); // nothing else booked since the run
      rows.add(String.format("| outbox: the booking run's %,d confirmations, first made to last sent | %,.0f/s | | %.2f × "
          + "booking rate | ≥ booking rate | all sent %.1f s after the run | | |", (long) dispatch[0], dispatch[1],
          dispatch[1] / booked.perSecond(), drainedAfter));

      // (iii) Steady: bookings at three quarters of that rate, sent on time whatever the answers
      // take (an open loop), for twice as long; does the outbox keep up while the nodes serve them?
      int steadyRate = Math.max(1, (int) (booked.perSecond() * 3 / 4));
      Duration steadyRun = run.multipliedBy(2);
      Instant steadyStart = cluster.now();
      Result steady = Load.openLoop("steady", cluster.port(), threads, steadyRate,
          (int) (steadyRate * steadyRun.toSeconds()), steadyRun.plusSeconds(5), booking);
      Instant steadyEnd = cluster.now();
      awaitNoConfirmationWaiting(Duration.ofMinutes(5));
      double[] kept = confirmations(steadyStart, steadyEnd);
      row(String.format("steady bookings, %d a second (3/4 of the rate above), open loop for %d s", steadyRate,
          steadyRun.toSeconds()), steady, steady.perSecond(), "");
      rows.add(String.format("| outbox during the steady bookings: %,d confirmations, first made to last sent | %,.0f/s | "
          + "| %.2f x booking rate | >= booking rate | made to sent: p50 %.2f s, p99 %.2f s, max %.2f s | | |",
          (long) kept[0], kept[1], kept[1] / steady.perSecond(), kept[2], kept[3], kept[4]));

      // (iii) Takeover: a burst of bookings, kill -9 at its end, every confirmation sent since.
      if (nodes < 2) {
        rows.add("| outbox: kill -9 of a node | needs a second node to take over | | | | | | |");
      } else {
        Load.closedLoop("burst", cluster.port(), threads, Duration.ZERO, burst, booking);
        cluster.kill(0);
        long killed = System.nanoTime();
        long waiting = count("select count(*) from outbox_message where kind = 'CONFIRMATION' and state = 'PENDING'");
        long claimed = count("select count(*) from outbox_message where state = 'PENDING' and attempts > 0");
        awaitNoConfirmationWaiting(Duration.ofMinutes(5));
        double takeover = (System.nanoTime() - killed) / 1e9;
        rows.add(String.format("| outbox: kill -9 of a node after a %d s burst: %,d confirmations waiting, %,d claimed "
            + "and not marked | %.1f s until all sent | | | ≤ 60 s | | | |", burst.toSeconds(), waiting, claimed, takeover));
      }
    }
    System.out.println();
    System.out.println("| measurement | rate | requests | × ceiling | goal | statuses | p50 ms | p99 ms |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
    rows.forEach(System.out::println);
    System.out.println();
    cpuLines.forEach(System.out::println);
    System.out.println();
    if (sink != null) {
      sink.close();
    }
    System.out.printf("%d nodes (-Xmx%s, -XX:ActiveProcessorCount=%d), %d client connections, %d s runs, rate limits %s, mail to %s; load average before: %s, "
            + "after: %s; cores: %d; %s %s%n", nodes, heap, cpus, threads, run.toSeconds(), sharedLimits ? "shared" : "per node",
        sink != null ? "a sink (" + sink.accepted() + " messages)" : "GreenMail", before, loadAverage(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
  }

  private static byte[] booking(String[] slot, int n) {
    return RawHttp.postJson("/api/v1/reservations", "{\"official\":\"" + slot[0] + "\",\"agenda\":\""
        + MailTown.ID_CARDS.value() + "\",\"start\":\"" + slot[1] + "\",\"name\":\"Bench Citizen\",\"email\":\"bench-"
        + UUID.randomUUID() + "@example.cz\",\"topic\":\"cluster " + n + "\",\"language\":\"en\"}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  /** Every slot of the department in the horizon that no earlier run took, interleaved across officials. */
  private List<String[]> freeSlots() throws SQLException {
    Set<String> taken = new HashSet<>();
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
        "select official_id, start_at from reservation where department_id = '" + MailTown.CIVIL.value()
            + "' and status = 'ACTIVE'")) {
      while (rs.next()) {
        taken.add(rs.getString(1) + " " + rs.getTimestamp(2).toInstant());
      }
    }
    List<String[]> slots = new ArrayList<>();
    for (LocalDate day = FIRST_DAY; day.isBefore(FIRST_DAY.plusDays(DAYS)); day = day.plusDays(1)) {
      for (int q = 0; q < 40; q++) {
        Instant start = day.atTime(LocalTime.of(8, 0).plusMinutes(15L * q)).atZone(Office.DEFAULT_ZONE).toInstant();
        for (int o = 0; o < OFFICIALS; o++) {
          String official = MailTown.official(o).value();
          if (!taken.contains(official + " " + start)) {
            slots.add(new String[] {official, start.toString()});
          }
        }
      }
    }
    return slots;
  }

  /** One day's slots of a department for an agenda of it: up to 500 departments at random, 14 days each in turn. */
  private List<String> freeTimeQueries() throws SQLException {
    List<String> queries = new ArrayList<>();
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
        "select department_id, min(id) from agenda group by department_id order by random() limit 500")) {
      while (rs.next()) {
        for (int d = 0; d < 14; d++) {
          queries.add("/api/v1/departments/" + rs.getString(1) + "/slots?agenda=" + rs.getString(2) + "&from="
              + FIRST_DAY.plusDays(d));
        }
      }
    }
    java.util.Collections.shuffle(queries, new java.util.Random(15));
    return queries;
  }

  /**
   * The raw JDBC booking transaction of the persistence benchmark (BENCHMARKS.md, "Persistence"),
   * from as many threads on a pool of as many connections, for one run; the rate. Seven
   * statements, as a booking's storage work: the diary's lock (which stamps its busy time), the
   * reservation, its held slot, its manage token, the confirmation and the reminder, and the
   * commit. Its slots lie years after the HTTP run's and its messages are due later still, so no
   * node sends them; they are deleted after the run. Rows are stamped with the nodes' clock.
   */
  private double rawBookings(Supplier<Instant> clock) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.url());
    if (database.user() != null) {
      config.setUsername(database.user());
    }
    if (database.password() != null) {
      config.setPassword(database.password());
    }
    config.setMaximumPoolSize(threads);
    Instant base = LocalDate.of(2031, 1, 6).atTime(8, 0).atZone(Office.DEFAULT_ZONE).toInstant();
    Instant never = Instant.parse("2099-01-01T00:00:00Z");
    AtomicLong next = new AtomicLong();
    AtomicLong booked = new AtomicLong();
    double rate;
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Map<String, Double> cpuBefore = CpuSplit.sample(List.of());
      long start = System.nanoTime();
      long end = start + run.toNanos();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker = new Thread(() -> {
          java.util.Random random = new java.util.Random();
          while (System.nanoTime() < end) {
            long n = next.getAndIncrement();
            String official = MailTown.official((int) (n % OFFICIALS)).value();
            OffsetDateTime slot = OffsetDateTime.ofInstant(base.plus(Duration.ofMinutes(15 * (n / OFFICIALS))),
                ZoneOffset.UTC);
            UUID id = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.get(), ZoneOffset.UTC); // the nodes' clock
            try (Connection c = pool.getConnection()) {
              c.setAutoCommit(false);
              execute(c, "update official set busy_version = ? where id = ?", random.nextLong(), official);
              execute(c, """
                  insert into reservation (id, department_id, official_id, agenda_id, start_at, end_at, citizen_name,
                    citizen_email, email_key, search_text, citizen_phone, topic, channel, language, status, created_at,
                    updated_at, version, sequence_number, note, booking_code)
                  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  """, id, MailTown.CIVIL.value(), official, MailTown.ID_CARDS.value(), slot, slot.plusMinutes(15),
                  "Bench Citizen", "raw-" + n + "@example.cz", "raw-" + n + "@example.cz",
                  "bench citizen\nraw-" + n + "@example.cz\n", null, "raw " + n, "WEB", "EN", "ACTIVE", now, now, 0, 0,
                  null, String.format("R%06d", n % 1_000_000));
              execute(c, "insert into held_slot (official_id, slot_start, reservation_id) values (?, ?, ?)", official,
                  slot, id);
              execute(c, "insert into manage_token (token_hash, reservation_id) values (?, ?)",
                  "raw-" + UUID.randomUUID() + "-" + n, id);
              for (String kind : List.of("CONFIRMATION", "REMINDER")) {
                execute(c, """
                    insert into outbox_message (id, kind, reservation_id, official_id, start_at, end_at,
                      sequence_number, note, created_at, due_at, state, attempts, last_error)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, UUID.randomUUID(), kind, id, official, slot, slot.plusMinutes(15), 0, null, now,
                    OffsetDateTime.ofInstant(never, ZoneOffset.UTC), "PENDING", 0, null);
              }
              c.commit();
              booked.incrementAndGet();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        });
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
      rate = booked.get() / ((System.nanoTime() - start) / 1e9);
      cpu("the raw JDBC transactions", CpuSplit.between(cpuBefore, CpuSplit.sample(List.of())), booked.get(), "transaction");
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      String raw = "select id from reservation where citizen_email like 'raw-%@example.cz'";
      s.execute("delete from outbox_message where reservation_id in (" + raw + ")");
      s.execute("delete from manage_token where reservation_id in (" + raw + ")");
      s.execute("delete from held_slot where reservation_id in (" + raw + ")");
      s.execute("delete from reservation where citizen_email like 'raw-%@example.cz'");
    }
    return rate;
  }

  private static void execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  /**
   * The confirmations made in [from, to) (node clock): how many, how many a second from the first
   * made to the last sent, and the seconds from made to sent (p50, p99, max).
   */
  private double[] confirmations(Instant from, Instant to) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
        select count(*), min(created_at), max(sent_at),
          percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)),
          percentile_cont(0.99) within group (order by extract(epoch from sent_at - created_at)),
          max(extract(epoch from sent_at - created_at))
        from outbox_message where kind = 'CONFIRMATION' and created_at >= ? and created_at < ?
        """)) {
      s.setTimestamp(1, Timestamp.from(from));
      s.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long n = rs.getLong(1);
        double seconds = Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()).toMillis() / 1e3;
        return new double[] {n, n / seconds, rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)};
      }
    }
  }

  private void awaitNoConfirmationWaiting(Duration limit) throws SQLException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (count("select count(*) from outbox_message where kind = 'CONFIRMATION' and state = 'PENDING'") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("confirmations still waiting after " + limit);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  private void row(String name, Result r, double ceiling, String goal) {
    String line = String.format("| %s | %,.0f/s | %,d | %.2f | %s | %s%s | %.1f | %.1f |", name, r.perSecond(), r.requests(),
        r.perSecond() / ceiling, goal, r.statuses(), r.errors() > 0 ? " + " + r.errors() + " I/O errors" : "",
        r.p50Micros() / 1000.0, r.p99Micros() / 1000.0);
    rows.add(line);
    System.out.println(line);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    if (database.user() != null) {
      p.setProperty("user", database.user());
    }
    if (database.password() != null) {
      p.setProperty("password", database.password());
    }
    return DriverManager.getConnection(database.url(), p);
  }

  private List<String> jvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:ActiveProcessorCount=" + cpus));
    options.addAll(jvmExtra);
    return options;
  }

  /** A line on where the CPU went during a run: each group's seconds, and milliseconds per unit of work. */
  private void cpu(String run, Map<String, Double> used, long units, String unit) {
    StringBuilder line = new StringBuilder("CPU during " + run + ":");
    used.forEach((group, seconds) -> line.append(String.format(" %s %.1f s (%.2f ms a %s);", group, seconds,
        units == 0 ? 0 : seconds * 1000 / units, unit)));
    cpuLines.add(line.toString());
  }

  private static int next(List<String> args, String name, int after) {
    int i = args.subList(after + 1, args.size()).indexOf(name);
    return i < 0 ? -1 : after + 1 + i;
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i < 0 || i + 1 >= args.size() ? fallback : args.get(i + 1);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** {@link TrivialNode} in a process of its own, behind HAProxy configured as for the nodes. */
  private record Trivial(Process process, Haproxy haproxy) implements AutoCloseable {
    static Trivial start(Path folder) throws IOException, InterruptedException {
      int port = Cluster.freePort();
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-cp", System.getProperty("java.class.path"), TrivialNode.class.getName(), Integer.toString(port))
          .redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); !"READY".equals(line); line = out.readLine()) {
        if (line == null) {
          throw new IllegalStateException("the trivial handler did not start");
        }
      }
      Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "trivial-output");
      drain.setDaemon(true);
      drain.start();
      return new Trivial(process, Haproxy.start(folder, Cluster.freePort(), List.of(port)));
    }

    int port() {
      return haproxy.port();
    }

    @Override
    public void close() {
      haproxy.close();
      Cluster.stop(process, Duration.ofSeconds(10));
    }
  }
}
