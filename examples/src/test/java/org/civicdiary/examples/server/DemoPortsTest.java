/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.notify.DroppedMail;
import org.civicdiary.notify.MailDrop;
import org.civicdiary.examples.ProofOfWorkClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changing the demo's ports alone moves every address with them: the printed addresses, the links in
 * e-mails, and the CORS origin that lets the demo portal's widget call the API.
 */
class DemoPortsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MANAGE_LINK = Pattern.compile("https?://[^\\s\"<>]+/manage/[A-Za-z0-9_-]+");
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path data;

  @Test
  void onlyTheWebPortFromTheEnvironmentMovesEveryAddress() throws Exception {
    int port = twoFreePorts();
    Properties file = new Properties();
    file.putAll(demoProperties());
    Settings settings = Settings.of(file, Map.of("CIVICDIARY_WEB_PORT", Integer.toString(port)));
    try (StandaloneServer server = StandaloneServer.start(settings, true, null, FixedDay.clock())) {
      String base = "http://localhost:" + port;
      String portal = "http://localhost:" + (port + 1);
      assertThat(server.apiUri().getPort()).isEqualTo(port);
      assertThat(server.portalUri()).contains(URI.create(portal + "/"));

      String welcome = welcome(server);
      assertThat(welcome).contains(base + "/console/", base + "/dev/mailbox/", base + "/health/ready", portal + "/")
          .doesNotContain(":8080", ":8081");
      assertThat(get(URI.create(portal + "/"), null).body()).as("the portal loads the widget from the server")
          .contains("src=\"" + base + "/static/widget/civic-diary-booking.js\"");

      for (String origin : new String[] {portal, "http://127.0.0.1:" + (port + 1)}) {
        HttpResponse<String> answer = get(server.apiUri().resolve("/api/v1/departments"), origin);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(origin).contains(origin);
      }

      String email = "ports.citizen@example.cz";
      assertThat(book(server.apiUri(), email).path("manage").path("link").asText()).startsWith(base + "/manage/");
      assertThat(manageLinkInMail(server, email)).startsWith(base + "/manage/");
    }
  }

  @Test
  void bothPortsGivenAsKeysAreUsed() throws Exception {
    int port = twoFreePorts();
    int portalPort = twoFreePorts();
    Map<String, String> keys = demoProperties();
    keys.put("civicdiary.web.port", Integer.toString(port));
    keys.put("civicdiary.demo.portal-port", Integer.toString(portalPort));
    try (StandaloneServer server = StandaloneServer.start(Settings.of(keys), true, null, FixedDay.clock())) {
      String portal = "http://localhost:" + portalPort;
      assertThat(server.portalUri()).contains(URI.create(portal + "/"));
      assertThat(welcome(server)).contains("http://localhost:" + port + "/console/");
      assertThat(get(server.apiUri().resolve("/api/v1/departments"), portal).headers()
          .firstValue("Access-Control-Allow-Origin")).contains(portal);
      assertThat(get(server.apiUri().resolve("/api/v1/departments"), "http://localhost:" + (port + 1)).headers()
          .firstValue("Access-Control-Allow-Origin")).as("the next port is not the portal here").isEmpty();
    }
  }

  @Test
  void aPortalOnTheApisPortIsRefusedNamingBothKeys() {
    int port = twoFreePorts();
    Map<String, String> keys = demoProperties();
    keys.put("civicdiary.web.port", Integer.toString(port));
    keys.put("civicdiary.demo.portal-port", Integer.toString(port));
    assertThatThrownBy(() -> StandaloneServer.start(Settings.of(keys), true)).isInstanceOf(InvalidSetting.class)
        .hasMessageContaining("civicdiary.demo.portal-port").hasMessageContaining("civicdiary.web.port");
  }

  private Map<String, String> demoProperties() {
    Map<String, String> s = new LinkedHashMap<>(StandaloneServer.demoDefaults());
    s.put("civicdiary.db.url", "jdbc:h2:file:" + data.resolve("civic-diary").toAbsolutePath());
    s.put("civicdiary.mail.drop.folder", data.resolve("mail").toString());
    s.put("civicdiary.notify.poll-interval", "PT0.1S");
    return s;
  }

  private static String welcome(StandaloneServer server) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    server.printWelcome(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private JsonNode book(URI api, String email) throws Exception {
    LocalDate today = FixedDay.today();
    JsonNode slots = JSON.readTree(get(api.resolve("/api/v1/departments/civil-affairs/slots?agenda=id-card&from="
        + today + "&to=" + today.plusDays(20)), null).body());
    JsonNode slot = slots.path("slots").get(0);
    assertThat(slot).as("the sample town hall has free time").isNotNull();
    Map<String, Object> booking = Map.of("official", slot.path("official").asText(), "agenda", "id-card",
        "start", slot.path("start").asText(), "name", "Petr Porty", "email", email, "topic", "Občanský průkaz",
        "language", "cs");
    HttpResponse<String> booked = http.send(HttpRequest.newBuilder(api.resolve("/api/v1/reservations"))
        .header("Content-Type", "application/json").header("Altcha", ProofOfWorkClient.solved(http, api))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(booking))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
    return JSON.readTree(booked.body());
  }

  private static String manageLinkInMail(StandaloneServer server, String email) {
    MailDrop drop = server.injector().getInstance(MailDrop.class);
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      Optional<DroppedMail> mail = drop.newest(20).stream().filter(m -> m.to().contains(email)).findFirst();
      if (mail.isPresent()) {
        Matcher link = MANAGE_LINK.matcher(drop.open(mail.get().id()).orElseThrow().text());
        assertThat(link.find()).as("a manage link in the confirmation").isTrue();
        return link.group();
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    throw new AssertionError("no confirmation to " + email + " within 20 s");
  }

  private HttpResponse<String> get(URI uri, String origin) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A free port whose next port is free too (the demo portal's default). */
  private static int twoFreePorts() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = freePort(0);
      if (port < 65535 && freePort(port + 1) > 0) {
        return port;
      }
    }
    throw new IllegalStateException("no two free neighbouring ports");
  }

  private static int freePort(int wanted) {
    try (ServerSocket socket = new ServerSocket(wanted, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      if (wanted == 0) {
        throw new UncheckedIOException(e);
      }
      return -1;
    }
  }
}
