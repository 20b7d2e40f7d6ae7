/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.usecase.Passwords;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.TestOffice;
import org.civicdiary.web.contract.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The directory document over HTTP: export, import, its errors with JSON paths, its size limit. */
class DirectoryApiTest {
  private static final String DIRECTORY = "/api/v1/admin/directory";
  private final List<BookingServer> servers = new ArrayList<>();
  private final MutableClock clock = new MutableClock(TestOffice.START);

  @AfterEach
  void stop() {
    servers.forEach(BookingServer::stop);
  }

  /** A server over the storage, and the API as its administrator. */
  private ApiClient adminOf(Storage storage) {
    BookingServer server = TestServers.start(storage, clock, Map.of());
    servers.add(server);
    ApiClient api = new ApiClient(ApiClient.newHttpClient(), server.uri());
    return api.bearer(login(api, TestOffice.ADMIN));
  }

  private static String login(ApiClient api, String username) {
    Response r = api.post("/api/v1/staff/login", Map.of("username", username, "password", TestOffice.PASSWORD,
        "bearer", true));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("token").asText();
  }

  private static Storage seeded() {
    Storage storage = InMemoryStorage.create();
    TestOffice.seed(storage);
    return storage;
  }

  /** Nothing but an administrator's account: a first run. */
  private static Storage empty() {
    Storage storage = InMemoryStorage.create();
    storage.transactions().run(() -> storage.staffAccounts().save(new StaffAccount(TestOffice.ADMIN,
        Passwords.hash(TestOffice.PASSWORD), Role.ADMIN, null, true)));
    return storage;
  }

  private static Response importDocument(ApiClient api, String json) {
    return api.send("PUT", DIRECTORY, json, "application/json");
  }

  private static List<String> paths(Response r) {
    List<String> paths = new ArrayList<>();
    r.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
    return paths;
  }

  @Test
  void exportThenImportIntoAnEmptyStoreThenExportIsByteIdentical() {
    Response exported = adminOf(seeded()).get(DIRECTORY);
    assertThat(exported.status()).as(exported.body()).isEqualTo(200);
    assertThat(exported.contentType()).startsWith("application/json");
    assertThat(exported.header("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));

    Storage target = empty();
    ApiClient api = adminOf(target);
    Response imported = importDocument(api, exported.body());

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("created").size()).isGreaterThan(10);
    assertThat(api.get(DIRECTORY).body()).isEqualTo(exported.body());
    assertThat(api.get("/api/v1/staff/directory").body()).as("the console's path").isEqualTo(exported.body());
  }

  @Test
  void aSecondImportChangesNothing() {
    String document = adminOf(seeded()).get(DIRECTORY).body();
    Storage target = empty();
    ApiClient api = adminOf(target);
    importDocument(api, document);
    int audit = target.auditLog().latest(100_000).size();

    Response second = importDocument(api, document);

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("created").size()).isZero();
    assertThat(second.json().path("updated").size()).isZero();
    assertThat(target.auditLog().latest(100_000)).hasSize(audit);
    assertThat(api.get(DIRECTORY).body()).isEqualTo(document);
  }

  @Test
  void aBadDocumentNamesEveryErrorByPathAndChangesNothing() throws Exception {
    ApiClient api = adminOf(seeded());
    String before = api.get(DIRECTORY).body();
    ObjectNode document = (ObjectNode) ApiClient.JSON.readTree(before);
    ObjectNode civil = (ObjectNode) document.path("departments").get(0);
    civil.set("name", ApiClient.JSON.readTree("{\"cs\":\"Nový název\",\"en\":\"New name\"}"));
    ((ObjectNode) civil.path("officials").get(0)).put("email", "not-an-address");
    ((ObjectNode) civil.path("officials").get(1).path("windows").get(0)).put("end", "15:00");
    ((ObjectNode) document.path("departments").get(1)).put("office", "nowhere");
    ((ArrayNode) civil.path("agendas").get(0).path("officials")).add("nobody");

    Response r = importDocument(api, document.toString());

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("code").asText()).isEqualTo("invalid-document");
    assertThat(paths(r)).contains("$.departments[0].officials[0].email", "$.departments[0].officials[1].windows[0].end",
        "$.departments[1].office", "$.departments[0].agendas[0].officials[4]");
    for (JsonNode error : r.json().path("errors")) {
      assertThat(error.path("code").asText()).isNotEmpty();
      assertThat(error.path("detail").asText()).isNotEmpty();
    }
    assertThat(api.get(DIRECTORY).body()).isEqualTo(before);
  }

  @Test
  void aTypeErrorAndASyntaxErrorAreNamedByPath() {
    ApiClient api = adminOf(seeded());

    Response wrongDay = importDocument(api,
        "{\"departments\":[{\"id\":\"civil\",\"officials\":[{\"id\":\"novak\",\"windows\":[{\"day\":\"FUNDAY\"}]}]}]}");
    Response cut = importDocument(api, "{\"offices\": [}");

    assertThat(wrongDay.status()).isEqualTo(400);
    assertThat(paths(wrongDay)).containsExactly("$.departments[0].officials[0].windows[0].day");
    assertThat(wrongDay.json().path("errors").get(0).path("code").asText()).isEqualTo("invalid-type");
    assertThat(cut.status()).isEqualTo(400);
    assertThat(paths(cut)).as(cut.body()).containsExactly("$");
    assertThat(cut.json().path("errors").get(0).path("code").asText()).isEqualTo("malformed-json");
  }

  @Test
  void anOfficesProposalHoldIsNamedByPathWhenItIsNoDurationOrOutOfRange() {
    ApiClient api = adminOf(seeded());
    String before = api.get(DIRECTORY).body();

    Response notADuration = importDocument(api, "{\"offices\":[{\"id\":\"p6\",\"policy\":{\"proposalHold\":\"48h\"}}]}");
    Response tooLong = importDocument(api, "{\"offices\":[{\"id\":\"p6\",\"policy\":{\"proposalHold\":\"P15D\"}}]}");

    assertThat(notADuration.status()).isEqualTo(400);
    assertThat(paths(notADuration)).as(notADuration.body()).containsExactly("$.offices[0].policy.proposalHold");
    assertThat(notADuration.json().path("errors").get(0).path("code").asText()).isEqualTo("invalid-type");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(paths(tooLong)).as(tooLong.body()).contains("$.offices[0].policy.proposalHold");
    assertThat(api.get(DIRECTORY).body()).isEqualTo(before).contains("\"proposalHold\" : \"PT48H\"");
  }

  @Test
  void aTownHallOfHundredsOfOfficialsFitsAndALargerBodyIs413() {
    ApiClient api = adminOf(empty());
    StringBuilder officials = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      officials.append(i == 0 ? "" : ",").append("{\"id\":\"official-").append(i).append("\",\"name\":\"Official ")
          .append(i).append("\",\"email\":\"o").append(i).append("@town.example\",\"windows\":[")
          .append("{\"day\":\"MONDAY\",\"start\":\"16:00\",\"end\":\"18:00\",\"validFrom\":\"2027-01-01\"},")
          .append("{\"day\":\"WEDNESDAY\",\"start\":\"16:00\",\"end\":\"18:00\",\"validFrom\":\"2027-01-01\"}]}");
    }
    String document = "{\"format\":1,\"offices\":[{\"id\":\"town\",\"name\":{\"cs\":\"Město\",\"en\":\"Town\"},"
        + "\"zone\":\"Europe/Prague\",\"slotMinutes\":15,\"place\":{\"name\":\"Radnice\",\"address\":\"Náměstí 1\"}}],"
        + "\"departments\":[{\"id\":\"all\",\"office\":\"town\",\"name\":{\"cs\":\"Vše\",\"en\":\"All\"},"
        + "\"place\":{\"name\":\"Radnice\",\"address\":\"Náměstí 1\"},\"officials\":[" + officials + "]}]}";
    assertThat(document.length()).isGreaterThan(16 * 1024);

    Response imported = importDocument(api, document);
    Response huge = importDocument(api, " ".repeat(9 * 1024 * 1024) + document);

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("created").size()).isEqualTo(2 + 400 * 2);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.json().path("code").asText()).isEqualTo("body-too-large");
  }

  @Test
  void onlyAdministratorsExportOrImport() {
    Storage storage = seeded();
    adminOf(storage);
    ApiClient anonymous = new ApiClient(ApiClient.newHttpClient(), servers.get(0).uri());
    ApiClient operator = anonymous.bearer(login(anonymous, TestOffice.OPERATOR));

    assertThat(operator.get(DIRECTORY).status()).isEqualTo(403);
    assertThat(importDocument(operator, "{}").status()).isEqualTo(403);
    assertThat(anonymous.get(DIRECTORY).status()).isEqualTo(401);
  }

  @Test
  void deputiesGoInThroughTheImportComeOutInTheExportAndABadOneIsNamedByPath() throws Exception {
    Storage storage = seeded();
    ApiClient api = adminOf(storage);
    ObjectNode document = (ObjectNode) ApiClient.JSON.readTree(api.get(DIRECTORY).body());
    ObjectNode department = (ObjectNode) document.path("departments").get(0);
    ObjectNode agenda = (ObjectNode) department.path("agendas").get(0);
    List<String> active = new ArrayList<>();
    department.path("officials").forEach(o -> {
      if (o.path("active").asBoolean(true)) {
        active.add(o.path("id").asText());
      }
    });
    List<String> onAgenda = new ArrayList<>();
    agenda.path("officials").forEach(o -> onAgenda.add(o.asText()));
    onAgenda.retainAll(active);
    assertThat(onAgenda).as("the test office's first agenda has two active officials").hasSizeGreaterThanOrEqualTo(2);
    String official = onAgenda.get(0);
    String deputy = onAgenda.get(1);
    assertThat(agenda.path("deputies").size()).as("none yet").isZero();

    agenda.set("deputies", ApiClient.JSON.readTree("[{\"official\":\"" + official + "\",\"deputies\":[\"" + deputy
        + "\"]}]"));
    Response imported = importDocument(api, document.toString());

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("created").toString())
        .contains("deputies:" + official + "/" + agenda.path("id").asText());
    assertThat(storage.directory().deputies(org.civicdiary.booking.model.OfficialId.of(official),
        org.civicdiary.booking.model.AgendaId.of(agenda.path("id").asText())).deputies())
        .extracting(org.civicdiary.booking.model.OfficialId::value).containsExactly(deputy);
    String exported = api.get(DIRECTORY).body();
    assertThat(ApiClient.JSON.readTree(exported).path("departments").get(0).path("agendas").get(0).path("deputies"))
        .isEqualTo(agenda.path("deputies"));

    ApiClient other = adminOf(empty());
    assertThat(importDocument(other, exported).status()).isEqualTo(200);
    assertThat(other.get(DIRECTORY).body()).as("round trip").isEqualTo(exported);

    agenda.set("deputies", ApiClient.JSON.readTree("[{\"official\":\"" + official + "\",\"deputies\":[\"" + official
        + "\",\"nobody\"]}]"));
    Response bad = importDocument(api, document.toString());

    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(paths(bad)).containsExactly("$.departments[0].agendas[0].deputies[0].deputies[0]",
        "$.departments[0].agendas[0].deputies[0].deputies[1]");
    assertThat(api.get(DIRECTORY).body()).as("nothing changed").isEqualTo(exported);
  }
}
