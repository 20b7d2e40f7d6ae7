/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar that {@code mvn package} builds, started as a user starts it: {@code java -jar}
 * in an empty folder. Runs in {@code mvn verify} (failsafe), after the package phase made the jar.
 */
class ServerJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> started = new ArrayList<>();
  @TempDir Path folder;
  @TempDir Path logs;

  @AfterEach
  void stopWhatIsLeft() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void theDemoStartsFromAnEmptyFolderAndServesItsData() throws Exception {
    assertThat(folder).isEmptyDirectory();
    int port = freePort();
    Process server = start(List.of("--demo"), port, freePort());
    URI api = URI.create("http://127.0.0.1:" + port);

    awaitReady(server, api.resolve("/health/ready"));

    HttpResponse<String> departments = get(api.resolve("/api/v1/departments"));
    assertThat(departments.statusCode()).as(departments.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JSON.readTree(departments.body()).path("departments").forEach(d -> ids.add(d.path("id").asText()));
    assertThat(ids).as("the sample town hall's departments").contains("civil-affairs");
    assertThat(folder.resolve("data/civic-diary.mv.db")).as("the H2 database under ./data of the folder").isRegularFile();

    server.destroy(); // SIGTERM, as systemd and Ctrl-C stop it
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
    assertThat(server.exitValue()).as("the shutdown hook closed it cleanly; log:%n%s", log())
        .isIn(0, 143);
  }

  @Test
  void helpListsTheOptionsAndExitsZero() throws Exception {
    Process help = start(List.of("--help"), freePort(), freePort());
    assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(help.exitValue()).isZero();
    assertThat(log()).contains("--config FILE", "--demo", "--help");
  }

  @Test
  void anUnknownOptionExitsTwoNamingIt() throws Exception {
    Process wrong = start(List.of("--demo", "--no-such-option"), freePort(), freePort());
    assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(wrong.exitValue()).isEqualTo(2);
    assertThat(log()).contains("unknown option --no-such-option").contains("Usage:");
    assertThat(folder).as("nothing started, nothing written").isDirectoryNotContaining("glob:**/data");
  }

  private Process start(List<String> options, int port, int portalPort) throws IOException {
    Path jar = Path.of(System.getProperty("civicdiary.server.jar", "target/civic-diary-server.jar")).toAbsolutePath();
    assertThat(jar).as("built by mvn package").isRegularFile();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
        .redirectErrorStream(true).redirectOutput(logs.resolve("server.log").toFile());
    // Only the settings of this test: none inherited from the machine that runs it.
    builder.environment().keySet().removeIf(name -> name.startsWith("CIVICDIARY_"));
    builder.environment().put("CIVICDIARY_WEB_PORT", Integer.toString(port));
    builder.environment().put("CIVICDIARY_DEMO_PORTAL_PORT", Integer.toString(portalPort));
    Process process = builder.start();
    started.add(process);
    return process;
  }

  /** Polls until 200, failing at once if the server exits and at the deadline otherwise. */
  private void awaitReady(Process server, URI ready) throws Exception {
    Instant deadline = Instant.now().plus(START_DEADLINE);
    Optional<Integer> last = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      try {
        last = Optional.of(get(ready).statusCode());
        if (last.get() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        last = Optional.empty();
      }
      try {
        // The pause between polls is a wait for the server to die, which fails the test at once.
        server.onExit().get(100, TimeUnit.MILLISECONDS);
        throw new AssertionError("the server exited with " + server.exitValue() + " before it was ready:\n" + log());
      } catch (TimeoutException stillRunning) {
        // poll again
      } catch (ExecutionException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(ready + " did not answer 200 within " + START_DEADLINE + " (last: "
        + last.map(String::valueOf).orElse("no connection") + "):\n" + log());
  }

  private String log() throws IOException {
    Path log = logs.resolve("server.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
