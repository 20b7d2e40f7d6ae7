/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The server's one log, as an operator sees it: the demo started as its own process prints one
 * line that it started (where, on which database) and nothing in JUL's format; with
 * {@code CIVICDIARY_LOG_FORMAT=json} every line is one JSON object.
 */
class OneLogTest {
  /** JUL's default format: {@code Nov 28, 2026 10:42:28 AM io.undertow.Undertow start}, then {@code INFO: ...}. */
  private static final Pattern JUL = Pattern.compile("^([A-Z][a-z]{2} \\d{1,2}, \\d{4} .*[AP]M .*|(INFO|WARNING|SEVERE): .*)$");
  private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} [A-Z]+ +\\S+ - .*");
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path folder;

  @Test
  void theDemoLogsOneReadableLineAtStartAndNothingInJulFormat() throws Exception {
    List<String> lines = runDemo(Map.of(), "Stop with Ctrl-C");
    List<String> logLines = lines.stream().filter(l -> LOG_LINE.matcher(l).matches()).toList();
    assertThat(lines).noneMatch(l -> JUL.matcher(l).matches()).noneMatch(l -> l.startsWith("SLF4J"));
    assertThat(logLines).as("all of the log at start: " + lines).hasSize(1);
    assertThat(logLines.get(0)).contains(" INFO  StandaloneServer - civic-diary started", "http://localhost:", "jdbc:h2:");
    assertThat(lines).as("the demo's addresses for a person").anyMatch(l -> l.contains("Staff console:"));
  }

  @Test
  void oneSettingMakesEveryLineAJsonObject() throws Exception {
    List<String> lines = runDemo(Map.of("CIVICDIARY_LOG_FORMAT", "json"), "civic-diary started");
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode entry = JSON.readTree(line);
      assertThat(entry.isObject()).as(line).isTrue();
      assertThat(entry.path("level").asText()).as(line).isNotEmpty();
    }
    assertThat(lines).anyMatch(l -> l.contains("civic-diary started"));
  }

  @Test
  void julReachesTheSameBackend() {
    Logs.configure(Settings.of(Map.of()));
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    root.addAppender(seen);
    try {
      java.util.logging.Logger.getLogger("org.civicdiary.test.jul").warning("through the bridge");
      assertThat(seen.list).anyMatch(e -> e.getFormattedMessage().equals("through the bridge")
          && e.getLoggerName().equals("org.civicdiary.test.jul"));
    } finally {
      root.detachAppender(seen);
    }
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Logs.configure(Settings.of(Map.of("civicdiary.log.format", "xml"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.log.format");
  }

  /** Starts the demo in its own JVM in an empty folder, waits for the last line expected at start, stops it, and answers its output. */
  private List<String> runDemo(Map<String, String> environment, String last) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StandaloneServer.class.getName(), "--demo")
        .directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("CIVICDIARY_"));
    builder.environment().put("CIVICDIARY_WEB_PORT", Integer.toString(freePort()));
    builder.environment().put("CIVICDIARY_DEMO_PORTAL_PORT", Integer.toString(freePort()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    reader.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (lines.stream().noneMatch(l -> l.contains(last)) && process.isAlive()
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
      assertThat(lines).as("the server started").anyMatch(l -> l.contains(last));
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      reader.join(Duration.ofSeconds(10).toMillis());
    }
    return lines;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
