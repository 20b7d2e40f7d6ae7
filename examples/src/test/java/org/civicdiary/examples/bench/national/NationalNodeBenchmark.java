/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.national;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.civicdiary.booking.model.Office;
import org.civicdiary.examples.bench.national.NationalData.Scale;
import org.civicdiary.examples.bench.national.NodeProcess.Answer;
import org.civicdiary.examples.bench.national.NodeProcess.Pause;
import org.civicdiary.examples.bench.web.Load;
import org.civicdiary.examples.bench.web.Load.Result;
import org.civicdiary.examples.bench.web.RawHttp;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;

/**
 * A whole node on the national directory, as an operator runs it: the standalone server in a JVM
 * of its own at {@code -Xmx256m} (see {@link NodeProcess}) on {@link NationalData}'s country (by
 * default 200 offices of 50 officials, 10,000 officials, 60 days half booked) in PostgreSQL, its
 * clock moving from {@link NationalData#NOW}. Measures:
 *
 * <ul>
 *   <li>the start: from the process start (JVM included) to {@code /health/ready} answering 200,
 *       then to the first answer of the whole directory ({@code /api/v1/departments}), of one
 *       office's departments and of a department's days over 8 weeks;
 *   <li>the node's heap after a full collection ({@code jcmd GC.run}, {@code GC.heap_info}) right
 *       after those first answers and after the load, its resident set, and after the load the
 *       classes that hold most of the heap ({@code jcmd GC.class_histogram});
 *   <li>a random-range query load over HTTP straight at the node: every request a random office,
 *       department and agenda and a random range inside the 60-day horizon (7 in 10 a department's
 *       days over 1-56 days, 3 in 10 its slots over 1-3 days; half accept gzip), from
 *       {@code --connections} keep-alive connections for {@code --seconds} after a warm-up:
 *       throughput, p50/p99/max, statuses, and the node's collections from its GC log; any 5xx,
 *       I/O error or OutOfMemoryError/ERROR line in the node's log is a failure;
 *   <li>the same client against a trivial Undertow handler in a JVM of its own at the same heap:
 *       the ceiling of this client, machine and loopback.
 * </ul>
 *
 * It prints tables for BENCHMARKS.md. A run by hand, not a test; on a shared machine the figures
 * are indicative. From the repository's root:
 *
 * <pre>
 * mvn -B -q -pl examples -am install -DskipTests
 * mvn -B -q -pl examples dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.national.NationalNodeBenchmark --keep
 * # again on the kept database (nothing generated):
 * java -Xmx512m -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt) \
 *     org.civicdiary.examples.bench.national.NationalNodeBenchmark --url 'jdbc:postgresql://…'
 * </pre>
 *
 * Arguments, all optional: the scale ({@code --offices 200 --officials 50 --departments 10 --days
 * 60 --seed 15}, see {@link Scale#parse}; with {@code --url} the scale the database was generated
 * with), {@code --seconds 60} (load), {@code --warm-up 10}, {@code --ceiling-seconds 20},
 * {@code --connections 32}, {@code --heap 256} (the node's and the ceiling's {@code -Xmx}, MB),
 * {@code --keep} (leave a generated database and print its URL) or {@code --url
 * jdbc:postgresql://…} (a database generated before: nothing is generated; its URL names the user).
 * The nodes' logs stay in a temporary folder that the run names.
 */
public final class NationalNodeBenchmark {
  private static final long MB = 1024 * 1024;
  private static final Duration START_GOAL = Duration.ofSeconds(10);
  private static final long HEAP_GOAL = 192 * MB;
  private static final int EIGHT_WEEKS = 56;

  private NationalNodeBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean keep = arguments.remove("--keep");
    Scale scale = Scale.parse(arguments);
    String url = arguments.contains("--url") ? arguments.get(arguments.indexOf("--url") + 1) : null;
    Run run = new Run(scale, NationalBenchmark.option(arguments, "--seconds", 60), NationalBenchmark.option(arguments, "--warm-up", 10),
        NationalBenchmark.option(arguments, "--ceiling-seconds", 20), NationalBenchmark.option(arguments, "--connections", 32),
        NationalBenchmark.option(arguments, "--heap", 256));
    System.out.printf(Locale.ROOT, "%s %s; %d cores; load average %s%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), NationalBenchmark.loadAverage());
    FreshDatabase fresh = url == null ? FreshDatabase.postgres("national") : null;
    try {
      if (fresh != null) {
        System.out.println("generating " + scale + " into " + fresh.name());
        JdbcStorage.start(PersistenceConfig.builder().url(fresh.url()).user(fresh.user()).password(fresh.password())
            .poolSize(2).build()).close();
        try (Connection c = fresh.connect()) {
          System.out.println("generated: " + NationalData.load(c, scale, System.out, 500_000));
        }
      }
      measure(run, fresh == null ? url : fresh.url(), fresh == null ? null : fresh.user(),
          fresh == null ? null : fresh.password());
    } finally {
      if (fresh != null && keep) {
        System.out.println("kept the database: --url " + fresh.url());
      } else if (fresh != null) {
        fresh.close();
      }
    }
  }

  /** What to run. */
  private record Run(Scale scale, int seconds, int warmUp, int ceilingSeconds, int connections, int heapMb) {}

  private static void measure(Run run, String url, String user, String password) throws Exception {
    Path logs = Files.createTempDirectory("national-node");
    System.out.println("nodes' logs in " + logs);
    Scale scale = run.scale();
    List<String> startRows = new ArrayList<>();
    List<String> loadRows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<String> histogram = new ArrayList<>();
    String loadBefore = NationalBenchmark.loadAverage();
    try (NodeProcess node = NodeProcess.server(logs.resolve("node"), url, user, password, run.heapMb())) {
      Duration ready = node.awaitOk("/health/ready", Duration.ofMinutes(5));
      Answer directory = first(node, "/api/v1/departments", failures);
      Answer office = first(node, "/api/v1/offices/" + NationalData.office(0) + "/departments", failures);
      LocalDate today = LocalDate.ofInstant(NationalData.NOW, Office.DEFAULT_ZONE);
      Answer days = first(node, "/api/v1/offices/" + NationalData.office(0) + "/departments/"
          + NationalData.department(0, 0) + "/days?agenda=" + NationalData.agenda(0, 0, 0) + "&from=" + today.plusDays(1)
          + "&to=" + today.plusDays(EIGHT_WEEKS), failures);
      long heapStarted = node.heapAfterGc();
      long rssStarted = node.residentBytes();
      startRows.add(String.format(Locale.ROOT, "| Process start → `/health/ready` 200 (goal ≤ %d s) | %.2f s | %s |",
          START_GOAL.toSeconds(), seconds(ready), ready.compareTo(START_GOAL) <= 0 ? "met" : "**NOT met**"));
      startRows.add(answerRow("the whole directory (`/api/v1/departments`, " + scale.offices() * scale.departmentsWithOfficials()
          + " departments)", directory));
      startRows.add(answerRow("one office's departments", office));
      startRows.add(answerRow("a department's days over 8 weeks", days));
      startRows.add(heapRow("right after the start and those answers", heapStarted, rssStarted));

      Result ceiling;
      try (NodeProcess trivial = NodeProcess.ceiling(logs.resolve("ceiling"), run.heapMb())) {
        trivial.awaitOk("/", Duration.ofMinutes(1));
        byte[] hello = RawHttp.get("/");
        Load.closedLoop("ceiling warm-up", trivial.port(), run.connections(), Duration.ZERO, Duration.ofSeconds(5),
            () -> hello);
        ceiling = Load.closedLoop("ceiling", trivial.port(), run.connections(), Duration.ZERO,
            Duration.ofSeconds(run.ceilingSeconds()), () -> hello);
      }
      loadRows.add(loadRow("trivial Undertow handler, own JVM (the ceiling)", ceiling, ceiling, null));

      Supplier<byte[]> randomRange = () -> randomRange(scale, today);
      Load.closedLoop("warm-up", node.port(), run.connections(), Duration.ZERO, Duration.ofSeconds(run.warmUp()),
          randomRange);
      int pausesBefore = node.pauses().size();
      Result load = Load.closedLoop("random ranges", node.port(), run.connections(), Duration.ZERO,
          Duration.ofSeconds(run.seconds()), randomRange);
      List<Pause> pauses = node.pauses();
      List<Pause> during = pauses.subList(Math.min(pausesBefore, pauses.size()), pauses.size());
      loadRows.add(loadRow("the node: random office, department, agenda and range", load, ceiling, during));
      if (!node.alive()) {
        failures.add("the node ended during the load");
      } else {
        long heapAfter = node.heapAfterGc();
        startRows.add(heapRow("after the load", heapAfter, node.residentBytes()));
        histogram.addAll(node.largestClasses(12));
      }
      long fivexx = load.statuses().entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
      if (fivexx > 0 || load.errors() > 0) {
        failures.add(fivexx + " answers 5xx and " + load.errors() + " I/O errors under load: " + load.statuses());
      }
      List<String> problems = node.problems();
      if (!problems.isEmpty()) {
        failures.add(problems.size() + " error lines in the node's log, the first: " + problems.get(0));
      }
    }

    System.out.println();
    System.out.printf(Locale.ROOT, "National node: %d offices × %d officials (%d departments), %d days; the standalone"
        + " server at -Xmx%dm on PostgreSQL%n", scale.offices(), scale.officials(),
        scale.offices() * scale.departmentsWithOfficials(), scale.days(), run.heapMb());
    System.out.println();
    System.out.println("| Node | Figure | Goal |");
    System.out.println("|---|---|---|");
    startRows.forEach(System.out::println);
    System.out.println();
    System.out.println("| Load (" + run.connections() + " connections) | seconds | requests | per second | × ceiling"
        + " | statuses | p50 ms | p99 ms | max ms | young GCs (pause total) | full GCs | max heap after a pause |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    loadRows.forEach(System.out::println);
    System.out.println();
    if (!histogram.isEmpty()) {
      System.out.println("What the node's heap holds after the load (jcmd GC.class_histogram):");
      System.out.println("```");
      histogram.forEach(System.out::println);
      System.out.println("```");
      System.out.println();
    }
    System.out.println(failures.isEmpty() ? "no failure: no 5xx, no I/O error, no error in the node's log"
        : "FAILURES:\n  " + String.join("\n  ", failures));
    System.out.println("load average before: " + loadBefore + "; after: " + NationalBenchmark.loadAverage());
  }

  /**
   * A range nobody asked before, as widgets across the country would: a random office, department
   * and agenda; 7 in 10 the department's days over 1-56 days, 3 in 10 its slots over 1-3 days, all
   * inside the horizon from tomorrow on.
   */
  private static byte[] randomRange(Scale scale, LocalDate today) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int o = random.nextInt(scale.offices());
    int d = random.nextInt(scale.departmentsWithOfficials());
    boolean days = random.nextInt(10) < 7;
    int length = days ? 1 + random.nextInt(Math.min(EIGHT_WEEKS, scale.days() - 1)) : 1 + random.nextInt(3);
    LocalDate from = today.plusDays(1 + random.nextInt(Math.max(1, scale.days() - length)));
    String path = "/api/v1/offices/" + NationalData.office(o) + "/departments/" + NationalData.department(o, d)
        + (days ? "/days" : "/slots") + "?agenda=" + NationalData.agenda(o, d, random.nextInt(NationalData.AGENDA_SLOTS.length))
        + "&from=" + from + "&to=" + from.plusDays(length - 1);
    return RawHttp.get(path, random.nextBoolean() ? "Accept-Encoding: gzip\r\n" : "");
  }

  private static Answer first(NodeProcess node, String path, List<String> failures) throws IOException, InterruptedException {
    Answer answer = node.get(path);
    if (answer.status() != 200) {
      failures.add(path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer;
  }

  private static String answerRow(String what, Answer answer) {
    return String.format(Locale.ROOT, "| → first answer of %s: %d, %,d bytes | %.2f s (the request %.0f ms) | |", what,
        answer.status(), answer.body().length(), seconds(answer.sinceStart()), answer.took().toNanos() / 1e6);
  }

  private static String heapRow(String when, long heap, long resident) {
    return String.format(Locale.ROOT, "| Heap after a full GC %s (resident set of the process) | %.1f MB (%.0f MB) | %s |",
        when, heap / (double) MB, resident / (double) MB, heap <= HEAP_GOAL ? "≤ 192 MB: met" : "≤ 192 MB: **NOT met**");
  }

  /** A row of the load table; {@code pauses} null where the GC log is not read (the ceiling). */
  private static String loadRow(String what, Result r, Result ceiling, List<Pause> pauses) {
    String young = "–";
    String full = "–";
    String after = "–";
    if (pauses != null) {
      List<Pause> youngPauses = pauses.stream().filter(p -> p.kind().equals("Young")).toList();
      young = String.format(Locale.ROOT, "%d (%.0f ms)", youngPauses.size(),
          youngPauses.stream().mapToDouble(Pause::millis).sum());
      full = Long.toString(pauses.stream().filter(p -> p.kind().equals("Full")).count());
      after = pauses.stream().mapToInt(Pause::afterMb).max().stream().mapToObj(m -> m + " MB").findFirst().orElse("–");
    }
    return String.format(Locale.ROOT, "| %s | %.0f | %,d | %,.0f | %.2f | %s%s | %.1f | %.1f | %.1f | %s | %s | %s |", what,
        r.seconds(), r.requests(), r.perSecond(), r.perSecond() / ceiling.perSecond(), r.statuses(),
        r.errors() > 0 ? " + " + r.errors() + " I/O errors" : "", r.p50Micros() / 1000.0, r.p99Micros() / 1000.0,
        r.maxMicros() / 1000.0, young, full, after);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
