/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's {@code --import FILE}: a good file is imported before the server serves (and a
 * second start with it changes nothing); a bad one stops the start, naming every error's JSON path,
 * with nothing imported.
 */
class DirectoryImportAtStartTest {
  private static final String GOOD = """
      {
        "format": 1,
        "offices": [{"id": "town", "name": {"cs": "Město", "en": "Town"}, "zone": "Europe/Prague",
          "slotMinutes": 15, "place": {"name": "Radnice", "address": "Náměstí 1"}}],
        "departments": [{"id": "civil", "office": "town", "name": {"cs": "Občanské věci", "en": "Civil affairs"},
          "place": {"name": "Radnice", "address": "Náměstí 1"},
          "officials": [{"id": "jana-kralova", "name": "Jana Králová", "email": "jana.kralova@town.example",
            "windows": [{"day": "TUESDAY", "start": "16:00", "end": "18:00", "validFrom": "2027-01-01"}]}],
          "agendas": [{"id": "id-card", "name": {"cs": "Občanský průkaz", "en": "ID card"}, "officials": ["jana-kralova"]}]}]
      }
      """;
  private static final String BAD = """
      {
        "departments": [{"id": "civil", "office": "nowhere", "name": {"cs": "Občanské věci", "en": "Civil affairs"},
          "place": {"name": "Radnice", "address": "Náměstí 1"},
          "officials": [{"id": "jana-kralova", "name": "Jana Králová", "email": "not an address"}]}]
      }
      """;
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path data;

  @Test
  void aGoodFileIsImportedBeforeServingAndASecondStartChangesNothing() throws Exception {
    Path file = write("directory.json", GOOD);

    try (StandaloneServer server = StandaloneServer.start(settings(), false, file)) {
      assertThat(server.imported()).hasValueSatisfying(r -> assertThat(r.created())
          .contains("office:town", "department:civil", "official:jana-kralova", "windows:jana-kralova", "agenda:id-card"));
      assertThat(get(server.apiUri().resolve("/api/v1/departments"))).contains("jana-kralova", "Občanský průkaz");
    }
    try (StandaloneServer again = StandaloneServer.start(settings(), false, file)) {
      assertThat(again.imported()).hasValueSatisfying(r -> assertThat(r.changedAnything()).isFalse());
    }
  }

  @Test
  void aBadFileStopsTheStartNamingItsPathsAndImportsNothing() throws Exception {
    Path file = write("bad.json", BAD);

    assertThatThrownBy(() -> StandaloneServer.start(settings(), false, file))
        .isInstanceOf(StandaloneServer.StartFailed.class)
        .hasMessageContaining("$.departments[0].office")
        .hasMessageContaining("$.departments[0].officials[0].email");
    try (StandaloneServer server = StandaloneServer.start(settings(), false, null)) {
      assertThat(get(server.apiUri().resolve("/api/v1/departments"))).doesNotContain("civil");
    }
  }

  @Test
  void theCommandExitsNonZeroNamingThePathsBeforeServing() throws Exception {
    Path file = write("bad.json", BAD);
    Path config = data.resolve("civic-diary.properties");
    StringBuilder properties = new StringBuilder();
    settingsMap().forEach((k, v) -> properties.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    Files.writeString(config, properties, StandardCharsets.UTF_8);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        StandaloneServer.class.getName(), "--config", config.toString(), "--import", file.toString())
        .redirectErrorStream(true).start();
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(ended).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isNotZero();
    assertThat(output).contains("$.departments[0].office", "$.departments[0].officials[0].email")
        .doesNotContain("civic-diary is running");
  }

  @Test
  void aMissingFileIsRefusedOnTheCommandLine() {
    assertThatThrownBy(() -> StandaloneServer.Options.parse(new String[] {"--import", data.resolve("none.json").toString()}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.json");
    assertThatThrownBy(() -> StandaloneServer.Options.parse(new String[] {"--import"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--import");
  }

  private Path write(String name, String json) throws IOException {
    return Files.writeString(data.resolve(name), json, StandardCharsets.UTF_8);
  }

  private Map<String, String> settingsMap() {
    Map<String, String> s = new LinkedHashMap<>(StandaloneServer.demoDefaults());
    s.put("civicdiary.db.url", "jdbc:h2:file:" + data.resolve("civic-diary").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    s.put("civicdiary.mail.drop.folder", data.resolve("mail").toString());
    s.put("civicdiary.web.port", "0");
    return s;
  }

  private Settings settings() {
    return Settings.of(settingsMap());
  }

  private String get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
