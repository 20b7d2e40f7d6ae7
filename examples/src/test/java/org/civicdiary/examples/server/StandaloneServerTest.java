/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.examples.ProofOfWorkClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, in-process: the demo server on an empty data folder serves the
 * portal page, takes a booking, drops its confirmation into the dev mailbox, and keeps the booking
 * across a restart.
 */
class StandaloneServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path data;

  @Test
  void theDemoBooksMailsAndKeepsItsDataAcrossARestart() throws Exception {
    Settings settings = demoSettings();
    String token;
    String reservationId;
    String email = "demo.citizen@example.cz";
    try (StandaloneServer server = StandaloneServer.start(settings, true, null, FixedDay.clock())) {
      String portal = get(server.portalUri().orElseThrow()).body();
      assertThat(portal).contains("<civic-diary-booking").contains("/static/widget/civic-diary-booking.js");

      URI api = server.apiUri();
      LocalDate today = FixedDay.today();
      JsonNode slots = JSON.readTree(get(api.resolve("/api/v1/departments/civil-affairs/slots?agenda=id-card&from="
          + today + "&to=" + today.plusDays(13))).body());
      JsonNode slot = slots.path("slots").get(0);
      assertThat(slot).as("the sample town hall has free time").isNotNull();

      Map<String, Object> booking = new LinkedHashMap<>();
      booking.put("official", slot.path("official").asText());
      booking.put("agenda", "id-card");
      booking.put("start", slot.path("start").asText());
      booking.put("name", "Věra Ukázková");
      booking.put("email", email);
      booking.put("topic", "Nový občanský průkaz");
      booking.put("language", "cs");
      HttpResponse<String> booked = http.send(HttpRequest.newBuilder(api.resolve("/api/v1/reservations"))
          .header("Content-Type", "application/json").header("Altcha", ProofOfWorkClient.solved(http, api))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(booking))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
      JsonNode answer = JSON.readTree(booked.body());
      token = answer.path("manage").path("token").asText();
      reservationId = answer.path("reservation").path("id").asText();

      URI mailbox = api.resolve("/dev/mailbox/");
      Instant deadline = Instant.now().plusSeconds(20);
      String page = get(mailbox).body();
      while (!page.contains(email) && Instant.now().isBefore(deadline)) {
        Thread.onSpinWait();
        page = get(mailbox).body();
      }
      assertThat(page).as("the confirmation is in the dev mailbox").contains(email);
      HttpResponse<String> direct = get(mailbox);
      assertThat(direct.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
      assertThat(direct.headers().firstValue("Referrer-Policy")).contains("no-referrer");
      HttpResponse<String> forwarded = http.send(HttpRequest.newBuilder(mailbox).header("X-Forwarded-For", "203.0.113.5")
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(forwarded.statusCode()).as("through a proxy: someone else's browser").isEqualTo(404);
      assertThat(forwarded.body()).doesNotContain(email);
    }

    try (StandaloneServer again = StandaloneServer.start(settings, true, null, FixedDay.clock())) {
      HttpResponse<String> view = get(again.apiUri().resolve("/api/v1/manage/" + token));
      assertThat(view.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(view.body()).path("reservation").path("id").asText()).isEqualTo(reservationId);
      JsonNode departments = JSON.readTree(get(again.apiUri().resolve("/api/v1/departments")).body());
      assertThat(departments.path("departments")).as("sample data loaded once, not twice: Prague 6's six and the"
          + " neighbour's one").hasSize(7);
    }
  }

  /** Issue 17: the demo is a deployment of two offices, each with its portal page and its own administrator. */
  @Test
  void theDemoShowsTwoOfficesEachWithItsPortalPageAndAdministrator() throws Exception {
    try (StandaloneServer server = StandaloneServer.start(demoSettings(), true, null, FixedDay.clock())) {
      URI api = server.apiUri();
      JsonNode every = JSON.readTree(get(api.resolve("/api/v1/departments")).body());
      assertThat(ids(every.path("offices"))).containsExactly("horomerice", "praha-6");
      JsonNode neighbour = JSON.readTree(get(api.resolve("/api/v1/offices/horomerice/departments")).body());
      assertThat(neighbour.path("departments")).hasSize(1);
      assertThat(neighbour.path("departments").get(0).path("officials")).hasSize(2);
      assertThat(neighbour.path("offices").get(0).path("name").path("cs").asText()).isEqualTo("Obecní úřad Horoměřice");
      assertThat(JSON.readTree(get(api.resolve("/api/v1/offices/praha-6/departments")).body()).path("departments"))
          .hasSize(6);

      URI portal = server.portalUri().orElseThrow();
      assertThat(get(portal).body()).contains("office=\"praha-6\"").contains("Praha 6");
      String neighbourPage = get(portal.resolve("/horomerice/")).body();
      assertThat(neighbourPage).contains("office=\"horomerice\"").contains("Obec Horoměřice");

      java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
      server.printWelcome(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
          .contains(DemoStaff.PRAGUE_ADMIN + " / " + DemoStaff.PRAGUE_ADMIN_PASSWORD)
          .contains(DemoStaff.NEIGHBOUR_ADMIN + " / " + DemoStaff.NEIGHBOUR_ADMIN_PASSWORD);

      assertThat(staffDepartments(api, DemoStaff.NEIGHBOUR_ADMIN, DemoStaff.NEIGHBOUR_ADMIN_PASSWORD))
          .containsExactly("horomerice-registry");
      assertThat(staffDepartments(api, DemoStaff.PRAGUE_ADMIN, DemoStaff.PRAGUE_ADMIN_PASSWORD))
          .hasSize(6).doesNotContain("horomerice-registry");
      assertThat(staffDepartments(api, DemoStaff.ADMIN, DemoStaff.ADMIN_PASSWORD)).hasSize(7);
    }
  }

  /** The departments the staff console would list for this sign-in. */
  private java.util.List<String> staffDepartments(URI api, String username, String password) throws Exception {
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(api.resolve("/api/v1/staff/login"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            Map.of("username", username, "password", password, "bearer", true)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String token = JSON.readTree(login.body()).path("token").asText();
    HttpResponse<String> departments = http.send(HttpRequest.newBuilder(api.resolve("/api/v1/staff/departments"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(departments.statusCode()).as(departments.body()).isEqualTo(200);
    return ids(JSON.readTree(departments.body()).path("departments"));
  }

  private static java.util.List<String> ids(JsonNode list) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    list.forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private Settings demoSettings() {
    Map<String, String> s = new LinkedHashMap<>(StandaloneServer.demoDefaults());
    s.put("civicdiary.db.url", "jdbc:h2:file:" + data.resolve("civic-diary").toAbsolutePath());
    s.put("civicdiary.mail.drop.folder", data.resolve("mail").toString());
    s.put("civicdiary.web.port", "0");
    s.put("civicdiary.demo.portal-port", "0");
    s.put("civicdiary.notify.poll-interval", "PT0.2S");
    return Settings.of(s);
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
