/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.national;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.examples.bench.national.NationalData.Scale;
import org.civicdiary.examples.bench.national.NationalData.Summary;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;

/**
 * Free time at national scale, in the adapter (no HTTP): {@link NationalData}'s country (by
 * default 200 offices of 50 officials, 10,000 officials, 60 days half booked) in a PostgreSQL
 * database of its own, and one node on it. Measures, one query at a time, with "now" fixed at
 * {@link NationalData#NOW}:
 *
 * <ul>
 *   <li>the node's start ({@code JdbcStorage.start}: pool, migrations checked, stamps) and its
 *       first directory read (every office, which loads the whole directory into memory), and the
 *       heap after a collection before the start, after that read and after the queries;
 *   <li>a department's days over 8 weeks from a random day of the first week, for a random agenda:
 *       first the first query of each of {@code --queries} random departments on this node (busy
 *       time read from the database), then as many again over those departments (warm);
 *   <li>one day's slots of a department on a random day of the horizon (warm departments);
 *   <li>after an administrator renames an official of office A, the first query of a warm
 *       department of office B (its cache must stay warm), and then of office A's department.
 * </ul>
 *
 * It prints a table for BENCHMARKS.md. A run by hand, not a test (generating the national scale
 * takes minutes; {@code --url} reuses a database that an earlier run kept with {@code --keep}):
 *
 * <pre>
 * mvn -B -q -pl examples test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.national.NationalBenchmark --offices 200 --officials 50 --queries 500 --keep
 * </pre>
 *
 * Arguments, all optional: the scale ({@code --offices 200 --officials 50 --departments 10 --days
 * 60 --seed 15}, see {@link Scale#parse}), {@code --queries 300} (departments queried cold, then
 * warm), {@code --day-queries 300}, {@code --changes 10} (administrators' changes), {@code --keep}
 * (leave the database and print its URL) or {@code --url jdbc:postgresql://…} (a database
 * generated before with the same scale: nothing is generated).
 */
public final class NationalBenchmark {
  private static final long MB = 1024 * 1024;
  private static final int EIGHT_WEEKS = 56;

  private NationalBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean keep = arguments.remove("--keep");
    Scale scale = Scale.parse(arguments);
    int queries = option(arguments, "--queries", 300);
    int dayQueries = option(arguments, "--day-queries", 300);
    int changes = option(arguments, "--changes", 10);
    String url = arguments.contains("--url") ? arguments.get(arguments.indexOf("--url") + 1) : null;
    System.out.printf(Locale.ROOT, "%s %s; %d cores; max heap %d MB; load average %s%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MB, loadAverage());

    FreshDatabase fresh = url == null ? FreshDatabase.postgres("national") : null;
    PersistenceConfig config = PersistenceConfig.builder().url(url == null ? fresh.url() : url)
        .user(url == null ? fresh.user() : null).password(url == null ? fresh.password() : null).poolSize(10)
        .connectionTimeout(Duration.ofSeconds(60)).build();
    String generated;
    try {
      if (url == null) {
        System.out.println("generating " + scale + " into " + fresh.name());
        JdbcStorage.start(config).close();
        Summary summary;
        try (Connection c = fresh.connect()) {
          summary = NationalData.load(c, scale, System.out, 100_000);
        }
        generated = "generated: " + summary;
      } else {
        generated = "reused " + config.safeUrl() + ": " + rows(url);
      }
      System.out.println(generated);
      run(config, scale, queries, dayQueries, changes, generated);
    } finally {
      if (fresh != null && keep) {
        System.out.println("kept the database: --url " + fresh.url());
      } else if (fresh != null) {
        fresh.close();
      }
    }
  }

  private static void run(PersistenceConfig config, Scale scale, int queries, int dayQueries, int changes,
      String generated) {
    long heapBefore = heapAfterGc();
    long t0 = System.nanoTime();
    try (JdbcStorage node = JdbcStorage.start(config)) {
      double start = (System.nanoTime() - t0) / 1e6;
      Storage storage = node.storage();
      long t1 = System.nanoTime();
      int offices = storage.directory().offices().size();
      double firstRead = (System.nanoTime() - t1) / 1e6;
      long heapStarted = heapAfterGc();
      CivicDiary diary = CivicDiary.builder().storage(storage).clock(Clock.fixed(NationalData.NOW, ZoneOffset.UTC))
          .build();
      Random random = new Random(scale.seed());
      int departments = scale.departmentsWithOfficials();

      List<int[]> all = new ArrayList<>();
      for (int o = 0; o < scale.offices(); o++) {
        for (int d = 0; d < departments; d++) {
          all.add(new int[] {o, d});
        }
      }
      Collections.shuffle(all, random);
      List<int[]> touched = all.subList(0, Math.min(queries, all.size()));
      Times cold = new Times();
      for (int[] od : touched) {
        cold.time(() -> eightWeeks(diary, od, random));
      }
      Times warm = new Times();
      for (int q = 0; q < touched.size(); q++) {
        int[] od = touched.get(random.nextInt(touched.size()));
        warm.time(() -> eightWeeks(diary, od, random));
      }
      Times oneDay = new Times();
      for (int q = 0; q < dayQueries; q++) {
        int[] od = touched.get(random.nextInt(touched.size()));
        LocalDate day = NationalData.FIRST_DAY.plusDays(1 + random.nextInt(scale.days() - 1));
        oneDay.time(() -> diary.findingFreeSlots().ofDepartment(DepartmentId.of(NationalData.department(od[0], od[1])),
            AgendaId.of(NationalData.agenda(od[0], od[1], random.nextInt(NationalData.AGENDA_SLOTS.length))), day, day)
            .size());
      }

      Times afterOther = new Times();
      Times afterOwn = new Times();
      Times change = new Times();
      for (int k = 0; k < changes && scale.offices() > 1; k++) {
        int[] b = touched.get(random.nextInt(touched.size()));
        int a = (b[0] + 1 + random.nextInt(scale.offices() - 1)) % scale.offices();
        int[] ownDepartment = {a, 0};
        eightWeeks(diary, b, random);
        eightWeeks(diary, ownDepartment, random);
        OfficialId renamed = OfficialId.of(NationalData.official(a, random.nextInt(scale.officials())));
        change.time(() -> {
          storage.transactions().run(() -> {
            Official o = storage.directory().official(renamed).orElseThrow();
            storage.directory().save(new Official(o.id(), o.department(), o.name() + "*", o.room(), o.email(),
                o.active()));
          });
          return 1;
        });
        afterOther.time(() -> eightWeeks(diary, b, random));
        afterOwn.time(() -> eightWeeks(diary, ownDepartment, random));
      }
      long heapAfter = heapAfterGc();

      System.out.println();
      System.out.printf(Locale.ROOT, "National scale in the adapter: %d offices × %d officials (%d departments), %s%n",
          scale.offices(), scale.officials(), scale.offices() * departments, generated);
      System.out.println();
      System.out.println("| Measure | p50 | p99 | max | n |");
      System.out.println("|---|---|---|---|---|");
      cold.row("A department's days over 8 weeks, first query of the department on the node");
      warm.row("A department's days over 8 weeks, warm (random departments among those, random start in week 1)");
      oneDay.row("One day's slots of a department, warm");
      change.row("An administrator renames an official of office A (the unit of work)");
      afterOther.row("First query of a warm department of office B after the change in A");
      afterOwn.row("First query of a department of office A after its change");
      System.out.println();
      System.out.println("| Node | Figure |");
      System.out.println("|---|---|");
      System.out.printf(Locale.ROOT, "| `JdbcStorage.start` | %.0f ms |%n", start);
      System.out.printf(Locale.ROOT, "| First directory read (%d offices, the whole directory loaded) | %.0f ms |%n",
          offices, firstRead);
      System.out.printf(Locale.ROOT, "| Start + first read | %.1f s |%n", (start + firstRead) / 1000);
      System.out.printf(Locale.ROOT, "| Heap after GC: before the start / after the first read / after the queries"
          + " | %d / %d / %d MB |%n", heapBefore / MB, heapStarted / MB, heapAfter / MB);
      System.out.println();
      System.out.println("load average after: " + loadAverage());
    }
  }

  /** A department's days over 8 weeks from a random day of the first week, for a random agenda; the number of days. */
  private static int eightWeeks(CivicDiary diary, int[] od, Random random) {
    LocalDate from = NationalData.FIRST_DAY.plusDays(random.nextInt(7));
    return diary.findingFreeSlots().daysOfDepartment(DepartmentId.of(NationalData.department(od[0], od[1])),
        AgendaId.of(NationalData.agenda(od[0], od[1], random.nextInt(NationalData.AGENDA_SLOTS.length))), from,
        from.plusDays(EIGHT_WEEKS - 1)).size();
  }

  /** Latencies of one kind of query, in milliseconds. */
  private static final class Times {
    private final List<Double> millis = new ArrayList<>();

    void time(Supplier<Integer> query) {
      long t0 = System.nanoTime();
      query.get();
      millis.add((System.nanoTime() - t0) / 1e6);
    }

    void row(String what) {
      if (millis.isEmpty()) {
        System.out.printf("| %s | – | – | – | 0 |%n", what);
        return;
      }
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %d |%n", what, quantile(sorted, 0.5),
          quantile(sorted, 0.99), sorted[sorted.length - 1], sorted.length);
    }

    private static double quantile(double[] sorted, double q) {
      return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)];
    }
  }

  /** The used heap after a full collection (two, for what the first one only queued for finalisation). */
  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static int option(List<String> args, String name, int otherwise) {
    int i = args.indexOf(name);
    return i < 0 || i + 1 >= args.size() ? otherwise : Integer.parseInt(args.get(i + 1));
  }

  /** What a reused database holds. */
  private static String rows(String url) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String table : List.of("office", "official", "reservation", "held_slot")) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          out.append(out.length() == 0 ? "" : ", ").append(rs.getLong(1)).append(' ').append(table).append(" rows");
        }
      }
    }
    return out.toString();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
