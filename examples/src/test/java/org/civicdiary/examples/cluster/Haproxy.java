/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * HAProxy in front of some HTTP servers on this machine, as a child process: round robin, health
 * checks on {@code /health/ready} every 500 ms so that a dead server leaves within about 2 s, a
 * request whose connection fails goes to another server, and each answer names the server that
 * gave it ({@code X-Served-By: node0}). {@code option forwardfor}: the client's address goes in
 * an {@code X-Forwarded-For} line of its own, after any the client sent (the nodes read every line).
 */
public final class Haproxy implements AutoCloseable {
  /** What the load balancer adds to every answer: the name of the server that gave it. */
  public static final String SERVED_BY = "X-Served-By";
  private static final List<Path> INSTALLED = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/local/sbin/haproxy"));

  private final Process process;
  private final int port;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private Haproxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts HAProxy on {@code port} (127.0.0.1) in front of the servers on {@code backends}
   * (127.0.0.1, named node0, node1…) and waits until it listens.
   */
  public static Haproxy start(Path folder, int port, List<Integer> backends) {
    Path config = folder.resolve("haproxy-" + port + ".cfg");
    try {
      Files.writeString(config, config(port, backends), StandardCharsets.UTF_8);
      Process process = new ProcessBuilder(executable(), "-f", config.toString(), "-db").redirectErrorStream(true)
          .start();
      Haproxy haproxy = new Haproxy(process, port);
      haproxy.collectOutput();
      haproxy.awaitListening();
      return haproxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration: timeouts well above a booking's, below the test's patience. */
  static String config(int port, List<Integer> backends) {
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < backends.size(); i++) {
      servers.append("  server node").append(i).append(" 127.0.0.1:").append(backends.get(i)).append(" check\n");
    }
    return """
        global
          maxconn 4096

        defaults
          mode http
          timeout connect 2s
          timeout client 60s
          timeout server 30s
          timeout check 1s
          timeout http-keep-alive 10s
          # A request whose connection to a server fails goes to another server (not one that was sent:
          # HAProxy retries only connection failures by default, so a booking is never sent twice).
          retries 3
          option redispatch
          option forwardfor

        frontend civic
          bind 127.0.0.1:%d
          default_backend nodes

        backend nodes
          balance roundrobin
          option httpchk GET /health/ready
          http-check expect status 200
          http-response set-header %s %%[srv_name]
          # Checked every 500 ms, down after two failures: a dead server leaves within about 2 s.
          default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2
        %s""".formatted(port, SERVED_BY, servers);
  }

  private static String executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "haproxy");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return INSTALLED.stream().filter(Files::isExecutable).findFirst().map(Path::toString)
        .orElseThrow(() -> new IllegalStateException("HAProxy is missing: install HAProxy: apt-get install haproxy"));
  }

  private void collectOutput() {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          output.add(line);
        }
      } catch (IOException e) {
        // HAProxy stopped
      }
    }, "haproxy-output");
    reader.setDaemon(true);
    reader.start();
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("HAProxy stopped at start: " + String.join("\n", output));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          close();
          throw new IllegalStateException("HAProxy does not listen on " + port + " after 10 s: " + String.join("\n", output));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
    }
  }

  public int port() {
    return port;
  }

  /** What HAProxy printed: servers going down and up, alerts. */
  public List<String> output() {
    return List.copyOf(output);
  }

  @Override
  public void close() {
    Cluster.stop(process, Duration.ofSeconds(5));
  }
}
