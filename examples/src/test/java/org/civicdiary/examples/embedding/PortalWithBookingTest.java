/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalWithBookingTest {
  @TempDir Path data;

  @Test
  void theBookingApiAnswersUnderThePortalsOwnPathBesideItsPages() throws Exception {
    Settings settings = Settings.of(Map.of(
        "civicdiary.db.url", "jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
        "civicdiary.mail.transport", "drop",
        "civicdiary.mail.drop.folder", data.resolve("mail").toString(),
        "civicdiary.mail.from", "portal@example.cz",
        "civicdiary.notify.public-base-url", "http://localhost/booking"));
    HttpClient http = HttpClient.newHttpClient();
    try (PortalWithBooking portal = PortalWithBooking.start(0, settings)) {
      String base = "http://127.0.0.1:" + portal.port();
      HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(home.body()).contains("<civic-diary-booking api=\"/booking\"");
      HttpResponse<String> departments = http.send(
          HttpRequest.newBuilder(URI.create(base + "/booking/api/v1/departments")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(departments.statusCode()).isEqualTo(200);
      assertThat(departments.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
      assertThat(departments.body()).contains("\"departments\"");
      HttpResponse<String> widget = http.send(
          HttpRequest.newBuilder(URI.create(base + "/booking/static/widget/civic-diary-booking.js")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(widget.statusCode()).isEqualTo(200);
      HttpResponse<String> outside = http.send(
          HttpRequest.newBuilder(URI.create(base + "/api/v1/departments")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(outside.body()).as("the API lives only under /booking").doesNotContain("\"departments\"");
    }
  }
}
