/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of one test's own, from Debian's server binaries, for faults that
 * must not touch the shared server at 127.0.0.1:5432 (a crash, a restart). It listens on a free
 * port of 127.0.0.1 with trust authentication for {@code postgres}, in a fresh directory under
 * /tmp, and {@link #close} stops it and deletes the directory. PostgreSQL refuses to run as root,
 * so under root (the machine's tests and CI) its commands run as the {@code postgres} user.
 */
final class PrivatePostgres implements AutoCloseable {
  private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
  private static final Path RUNUSER = Path.of("/usr/sbin/runuser");
  private static final String OS_USER = "postgres";
  /** Deadline for initdb, and for the server to be ready after a start (crash recovery included). */
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final Path bin;
  private final boolean asRoot;
  private final Path dir;
  private final Path data;
  private final int port;

  private PrivatePostgres(Path bin, boolean asRoot, Path dir, int port) {
    this.bin = bin;
    this.asRoot = asRoot;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
  }

  /** Creates the cluster and starts it; fails, saying what to install, where the binaries are missing. */
  static PrivatePostgres create() {
    PrivatePostgres server = unstarted();
    try {
      server.giveTheDirectoryToPostgres();
      server.run("initdb", "-D", server.data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
          "--locale=C", "--no-sync");
      server.start();
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  /**
   * A hot standby of the primary: a base backup ({@code pg_basebackup -R}, which writes the
   * connection to the primary and {@code standby.signal}) started on a port of its own, streaming
   * the primary's WAL. initdb's trust rules let the replication connection in from 127.0.0.1.
   */
  static PrivatePostgres standbyOf(PrivatePostgres primary) {
    PrivatePostgres server = unstarted();
    try {
      server.giveTheDirectoryToPostgres();
      server.run("pg_basebackup", "-D", server.data.toString(), "-h", "127.0.0.1", "-p", Integer.toString(primary.port),
          "-U", "postgres", "-R", "-X", "stream", "-c", "fast", "--no-sync");
      server.start();
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  private static PrivatePostgres unstarted() {
    Path bin = binaries();
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    if (asRoot && !Files.isExecutable(RUNUSER)) {
      throw new AssertionError("tests run as root, and PostgreSQL refuses to: " + RUNUSER
          + " is needed to run it as the '" + OS_USER + "' user (apt-get install util-linux)");
    }
    try {
      return new PrivatePostgres(bin, asRoot, Files.createTempDirectory(Path.of("/tmp"), "civic-diary-pg-"), freePort());
    } catch (IOException e) {
      throw new IllegalStateException("cannot make a directory for a private PostgreSQL under /tmp", e);
    }
  }

  /** The JDBC URL of its {@code postgres} database, as the {@code postgres} user. */
  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Starts the stopped server and waits (with a deadline) until it accepts connections. */
  void start() {
    // fsync off: a crash of the server (not of the machine) loses nothing that was written, and the
    // test's commits are fast. The socket stays in our directory, not in the shared /var/run.
    run("pg_ctl", "start", "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
        "-w", "-t", Long.toString(DEADLINE.toSeconds()),
        "-o", "-k " + dir + " -c listen_addresses=127.0.0.1 -p " + port + " -c fsync=off -c full_page_writes=off");
  }

  /**
   * Stops the server the way a crash does ({@code pg_ctl stop -m immediate}): backends end at once,
   * transactions in flight are cut, and the next start runs crash recovery.
   */
  void crash() {
    run("pg_ctl", "stop", "-D", data.toString(), "-m", "immediate", "-w", "-t", Long.toString(DEADLINE.toSeconds()));
  }

  /** Stops the server if it runs, and deletes its directory. */
  @Override
  public void close() {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        crash();
      }
    } catch (RuntimeException | Error e) {
      // pg_ctl could not stop it: end the server process this test started, by its own pid.
      postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    } finally {
      deleteTree(dir);
    }
  }

  private static Path binaries() {
    List<Path> versions = new ArrayList<>();
    if (Files.isDirectory(INSTALLATIONS)) {
      try (Stream<Path> found = Files.list(INSTALLATIONS)) {
        found.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
            .filter(v -> Files.isExecutable(v.resolve("bin/initdb")) && Files.isExecutable(v.resolve("bin/pg_ctl")))
            .forEach(versions::add);
      } catch (IOException e) {
        throw new IllegalStateException("cannot list " + INSTALLATIONS, e);
      }
    }
    return versions.stream()
        .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
        .map(v -> v.resolve("bin"))
        .orElseThrow(() -> new AssertionError("no PostgreSQL server binaries (initdb, pg_ctl) under " + INSTALLATIONS
            + "/<version>/bin: this test runs a private PostgreSQL of its own; install them with"
            + " apt-get install postgresql (Debian's postgresql-<version> package)"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void giveTheDirectoryToPostgres() {
    if (!asRoot) {
      return;
    }
    try {
      Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER));
    } catch (IOException e) {
      throw new AssertionError("tests run as root, and PostgreSQL refuses to, but there is no '" + OS_USER
          + "' user to run it as (apt-get install postgresql creates it)", e);
    }
  }

  /** Runs one of the server's programs (as the postgres user under root) and waits for it, with a deadline. */
  private void run(String program, String... args) {
    List<String> command = new ArrayList<>();
    if (asRoot) {
      command.addAll(List.of(RUNUSER.toString(), "-u", OS_USER, "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    // Output to a file, not a pipe: the server that pg_ctl starts must not hold our end open.
    Path output = dir.resolve("commands.log");
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
      // pg_ctl waits DEADLINE itself; a little more here, so that its own message says what went wrong.
      if (!process.waitFor(DEADLINE.plusSeconds(10).toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(program + " did not finish within " + DEADLINE + log());
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed with status " + process.exitValue() + log());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + program, e);
    }
  }

  /** The ends of the commands' and the server's logs, for a failure's message. */
  private String log() {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("commands.log", "server.log")) {
      try {
        List<String> lines = Files.readAllLines(dir.resolve(name));
        text.append("\n--- ").append(name).append(" ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
      } catch (IOException e) {
        // not written yet: nothing to show
      }
    }
    return text.toString();
  }

  private Optional<Long> postmasterPid() {
    try (Stream<String> lines = Files.lines(data.resolve("postmaster.pid"))) {
      return lines.findFirst().map(String::strip).filter(pid -> pid.matches("\\d+")).map(Long::valueOf);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
