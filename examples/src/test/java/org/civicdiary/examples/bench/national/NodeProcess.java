/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.national;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicdiary.examples.cluster.Cluster;
import org.civicdiary.examples.server.ClockedServer;

/**
 * A server in a JVM of its own, as an operator runs it: the standalone server on the national
 * database (through {@link ClockedServer}, its clock moving from {@link NationalData#NOW}), or the
 * trivial handler of {@link CeilingServer}. Its output goes to {@code node.log} and its GC log
 * ({@code -Xlog:gc}) to {@code gc.log} in a folder of its own; its heap after a full collection is
 * read with {@code jcmd}, which the JDK ships.
 */
final class NodeProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** A G1 pause line of {@code -Xlog:gc}: "GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->41M(256M) 5.123ms". */
  private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause (\\S+).*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  private final Process process;
  private final long startedNanos;
  private final int port;
  private final Path log;
  private final Path gcLog;

  private NodeProcess(Process process, long startedNanos, int port, Path log, Path gcLog) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
    this.log = log;
    this.gcLog = gcLog;
  }

  /**
   * The standalone server on a database of {@link NationalData}, at {@code -Xmx<heapMb>m}, with
   * limits that one load generator's address does not meet, e-mail dropped into a folder.
   */
  static NodeProcess server(Path dir, String url, String user, String password, int heapMb) throws IOException {
    int port = Cluster.freePort();
    Properties settings = new Properties();
    settings.setProperty("civicdiary.db.url", url);
    if (user != null) {
      settings.setProperty("civicdiary.db.user", user);
    }
    if (password != null) {
      settings.setProperty("civicdiary.db.password", password);
    }
    settings.putAll(Map.of(
        "civicdiary.db.pool-size", "10",
        "civicdiary.web.port", Integer.toString(port),
        // the dispatcher needs a channel; nothing is sent during the benchmark
        "civicdiary.mail.transport", "drop",
        "civicdiary.mail.drop.folder", dir.resolve("mail").toString(),
        "civicdiary.web.rate.queries-per-address", "1000000/PT1S",
        "civicdiary.web.rate.booking-per-address", "1000000/PT1S",
        "civicdiary.pow.max-number", "0"));
    Files.createDirectories(dir);
    Path config = dir.resolve("node.properties");
    try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      settings.store(out, "the national benchmark's node");
    }
    return start(dir, heapMb, port, ClockedServer.class.getName(), NationalData.NOW.toString(), "--config",
        config.toString());
  }

  /** The trivial Undertow handler, the ceiling of the client and loopback, in a JVM like the node's. */
  static NodeProcess ceiling(Path dir, int heapMb) throws IOException {
    Files.createDirectories(dir);
    int port = Cluster.freePort();
    return start(dir, heapMb, port, CeilingServer.class.getName(), Integer.toString(port));
  }

  private static NodeProcess start(Path dir, int heapMb, int port, String... mainAndArgs) throws IOException {
    Path log = dir.resolve("node.log");
    Path gcLog = dir.resolve("gc.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heapMb + "m", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(mainAndArgs));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    long started = System.nanoTime();
    return new NodeProcess(builder.start(), started, port, log, gcLog);
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /**
   * Waits until {@code path} answers {@code 200}, polling every 20 ms; the time from the process
   * start.
   *
   * @throws IllegalStateException when the process ends or the deadline passes first (with the log's tail)
   */
  Duration awaitOk(String path, Duration deadline) throws IOException, InterruptedException {
    long until = startedNanos + deadline.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the node ended with " + process.exitValue() + ":\n" + tail());
      }
      try {
        if (get(path).status() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(path + " did not answer 200 within " + deadline + ":\n" + tail());
  }

  /** One answer, read whole. */
  Answer get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
    long t0 = System.nanoTime();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    long t1 = System.nanoTime();
    return new Answer(response.statusCode(), response.body(), Duration.ofNanos(t1 - t0),
        Duration.ofNanos(t1 - startedNanos));
  }

  /** What came back, how long it took and when, from the process start, it was in. */
  record Answer(int status, String body, Duration took, Duration sinceStart) {}

  /** The used heap right after a full collection that {@code jcmd GC.run} asks for, in bytes. */
  long heapAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in jcmd's answer:\n" + info);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  /**
   * The classes that hold most of the heap, after the full collection that {@code jcmd
   * GC.class_histogram} makes: its first {@code rows} rows, header included.
   */
  List<String> largestClasses(int rows) throws IOException, InterruptedException {
    List<String> lines = jcmd("GC.class_histogram").lines().filter(l -> !l.isBlank()).toList();
    // the first line is the pid, then the header and a line of dashes
    return lines.subList(Math.min(1, lines.size()), Math.min(lines.size(), rows + 3));
  }

  /** The resident set of the process, from /proc, in bytes (the heap, metaspace, code and threads). */
  long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return -1;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(process.pid()),
        command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed:\n" + out);
    }
    return out;
  }

  /** The collections the GC log holds so far, in order. */
  List<Pause> pauses() throws IOException {
    List<Pause> pauses = new ArrayList<>();
    if (!Files.exists(gcLog)) {
      return pauses;
    }
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        pauses.add(new Pause(m.group(1), line.contains("(Diagnostic Command)") || line.contains("(System.gc())"), Integer.parseInt(m.group(3)),
            Double.parseDouble(m.group(5))));
      }
    }
    return pauses;
  }

  /** One stop-the-world pause: Young, Full, Remark or Cleanup; asked for (jcmd, System.gc) or not; the heap after it; its length. */
  record Pause(String kind, boolean asked, int afterMb, double millis) {}

  /** The log's lines that name an error: any OutOfMemoryError, and every ERROR line. */
  List<String> problems() throws IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("OutOfMemoryError") || l.contains(" ERROR ") || l.contains("\"ERROR\"")).toList();
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the node as an operator would (SIGTERM: the server's shutdown hook runs), then for good. */
  @Override
  public void close() {
    Cluster.stop(process, Duration.ofSeconds(30));
  }
}
