/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.slf4j.LoggerFactory;

/**
 * Server nodes, each its own process, on one PostgreSQL database, behind HAProxy, sending mail to
 * GreenMail: the nodes share a clock that moves in real time from {@link #ORIGIN} (Monday 1 March
 * 2027, 07:00 in Prague), per-address rate limits in the database, and trust HAProxy's
 * {@code X-Forwarded-For}. A node can be killed with {@code kill -9} and started again on its port.
 */
public final class Cluster implements AutoCloseable {
  /** Monday 07:00 in Prague: the clock of every node starts here when the cluster starts. */
  public static final Instant ORIGIN = Instant.parse("2027-03-01T06:00:00Z");

  /** Where the nodes' database is: a JDBC URL, and a user and password or null. */
  public record Database(String url, String user, String password) {
    PersistenceConfig config(int poolSize) {
      return PersistenceConfig.builder().url(url).user(user).password(password).poolSize(poolSize)
          .connectionTimeout(Duration.ofSeconds(30)).build();
    }
  }

  private final Path folder;
  private final GreenMail mail;
  private final List<Path> configs = new ArrayList<>();
  private final List<Process> nodes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private final List<String> jvmOptions;
  private final long originMillis = System.currentTimeMillis();
  private Haproxy haproxy;

  private Cluster(Path folder, GreenMail mail, List<String> jvmOptions) {
    this.folder = folder;
    this.mail = mail;
    this.jvmOptions = jvmOptions;
  }

  /**
   * Starts GreenMail, {@code count} nodes (in parallel) with these settings over the cluster's own,
   * and HAProxy in front of them; returns once every node serves and HAProxy listens.
   *
   * @param jvmOptions each node JVM's options, such as {@code -Xmx256m}
   */
  public static Cluster start(Database database, int count, Map<String, String> settings, List<String> jvmOptions) {
    Path folder;
    try {
      // Under target/, kept: the nodes' logs and HAProxy's configuration, for when a run fails.
      folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cluster")), "run");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // GreenMail logs a line for every new recipient, and every booking here has its own.
    if (LoggerFactory.getLogger("com.icegreen.greenmail") instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    Cluster cluster = new Cluster(folder, mail, jvmOptions);
    try {
      int front = freePort();
      for (int i = 0; i < count; i++) {
        int port = freePort();
        cluster.ports.add(port);
        cluster.configs.add(cluster.writeConfig(i, nodeSettings(database, port, front, mail, settings)));
        cluster.nodes.add(null);
      }
      List<CompletableFuture<Void>> starting = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        starting.add(CompletableFuture.runAsync(() -> cluster.restart(n)));
      }
      starting.forEach(CompletableFuture::join);
      cluster.haproxy = Haproxy.start(folder, front, cluster.ports);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Migrates the database and writes a town hall into it through the JDBC adapter. */
  public static void seed(Database database, Consumer<Storage> town) {
    try (JdbcStorage storage = JdbcStorage.start(database.config(2))) {
      town.accept(storage.storage());
    }
  }

  private static Map<String, String> nodeSettings(Database database, int port, int front, GreenMail mail,
      Map<String, String> more) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("civicdiary.db.url", database.url());
    if (database.user() != null) {
      s.put("civicdiary.db.user", database.user());
    }
    if (database.password() != null) {
      s.put("civicdiary.db.password", database.password());
    }
    s.put("civicdiary.db.pool-size", "8");
    s.put("civicdiary.web.host", "127.0.0.1");
    s.put("civicdiary.web.port", Integer.toString(port));
    s.put("civicdiary.public-url", "http://127.0.0.1:" + front); // links in e-mails name the load balancer
    s.put("civicdiary.web.trusted-proxies", "127.0.0.1");
    s.put("civicdiary.web.rate.shared", "true");
    s.put("civicdiary.pow.max-number", "0"); // the load clients solve no challenges
    s.put("civicdiary.mail.transport", "smtp");
    s.put("civicdiary.mail.from", "Praha 6 <diar@praha6.example>");
    s.put("civicdiary.mail.smtp.host", "127.0.0.1");
    s.put("civicdiary.mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
    s.put("civicdiary.mail.smtp.security", "none");
    s.putAll(more);
    return s;
  }

  private Path writeConfig(int n, Map<String, String> settings) {
    Properties properties = new Properties();
    properties.putAll(settings);
    Path file = folder.resolve("node" + n + ".properties");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "node " + n + " of the multi-node harness");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The load balancer's address, e.g. {@code http://127.0.0.1:41234}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + haproxy.port());
  }

  public int port() {
    return haproxy.port();
  }

  /** What the nodes' clocks show now. */
  public Instant now() {
    return ORIGIN.plusMillis(System.currentTimeMillis() - originMillis);
  }

  /** The process ids of the nodes running now. */
  public List<Long> pids() {
    return nodes.stream().filter(p -> p != null && p.isAlive()).map(Process::pid).toList();
  }

  public GreenMail mail() {
    return mail;
  }

  /** HAProxy's name for node {@code n}, as {@link Haproxy#SERVED_BY} gives it. */
  public static String name(int n) {
    return "node" + n;
  }

  /** {@code kill -9}: no shutdown hook runs, leases stay held, connections drop. */
  public void kill(int n) {
    Process node = nodes.get(n);
    node.destroyForcibly();
    try {
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("node " + n + " is still alive 10 s after kill -9");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts node {@code n} (again) on its port and waits until it serves. */
  public void restart(int n) {
    Process old = nodes.get(n);
    if (old != null && old.isAlive()) {
      throw new IllegalStateException("node " + n + " still runs");
    }
    Path log = folder.resolve("node" + n + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(),
        configs.get(n).toString(), ORIGIN.toString(), Long.toString(originMillis)));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    nodes.set(n, process);
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          out.write(line);
          out.write('\n');
          out.flush();
          if (line.startsWith(ClusterNode.READY)) {
            ready.complete(null);
          }
        }
      } catch (IOException e) {
        // the node died
      }
      ready.completeExceptionally(new IllegalStateException("node " + n + " stopped before it was ready"));
    }, "node" + n + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(90, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("node " + n + " did not start within 90 s; its log:\n" + log(n), e);
    }
  }

  /** What node {@code n} printed, over all its starts. */
  public String log(int n) {
    try {
      Path log = folder.resolve("node" + n + ".log");
      return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** HAProxy's own lines: which server went down and up when. */
  public List<String> balancerLog() {
    return haproxy == null ? List.of() : haproxy.output();
  }

  @Override
  public void close() {
    if (haproxy != null) {
      haproxy.close();
    }
    for (Process node : nodes) {
      if (node != null) {
        node.destroy(); // all at once: they shut down side by side
      }
    }
    for (Process node : nodes) {
      if (node != null) {
        stop(node, Duration.ofSeconds(10));
      }
    }
    mail.stop();
  }

  /**
   * Ends a process as an operator would (SIGTERM: its shutdown hooks run) and, if it has not ended
   * within the grace, for good.
   */
  public static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Where the nodes' configurations and logs are. */
  public Path folder() {
    return folder;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }
}
