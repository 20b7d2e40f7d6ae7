/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.WebSettings;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.HttpApiContract;
import org.civicdiary.web.contract.TestOffice;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.ops.Operations;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document tells the truth: the same paths and methods as the routes table (every
 * route, health and metrics too), both ways, each operation with its own {@code operationId};
 * every reference resolves; and real answers fit the schemas it promises for them.
 */
class OpenApiDocumentTest extends HttpApiContractHost {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode document() throws Exception {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(Operations.OPENAPI_RESOURCE)) {
      return JSON.readTree(in);
    }
  }

  @Test
  void theDocumentHasExactlyTheRoutesOfTheRoutesTable() throws Exception {
    Storage storage = InMemoryStorage.create();
    Clock clock = new MutableClock(TestOffice.START);
    CivicDiary diary = CivicDiary.builder().storage(storage).clock(clock).build();
    List<Route> routes = Api.routesOf(WebSettings.from(Settings.of(Map.of())), diary, storage, clock,
        Api.builtInAuthenticator(diary, WebSettings.from(Settings.of(Map.of()))),
        new SimpleMeterRegistry());
    Set<String> real = new TreeSet<>();
    for (Route route : routes) {
      real.add(route.method() + " " + route.template());
    }
    assertThat(real).as("the operations' routes are in the table too").contains("GET /health/live", "GET /metrics");
    Set<String> documented = new TreeSet<>();
    Set<String> operationIds = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document().path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fields().forEachRemaining(operation -> {
        if (!operation.getKey().equals("parameters")) {
          String name = operation.getKey().toUpperCase() + " " + path.getKey();
          documented.add(name);
          String id = operation.getValue().path("operationId").asText();
          assertThat(id).as(name + " has an operationId").matches("[a-z][A-Za-z]+");
          assertThat(operationIds.add(id)).as(name + ": operationId " + id + " is unique").isTrue();
        }
      });
    }
    assertThat(documented).as("documented but not routed").isSubsetOf(real);
    assertThat(real).as("routed but not documented").isSubsetOf(documented);
  }

  @Test
  void everyReferenceResolvesAndEveryPathParameterIsDeclared() throws Exception {
    JsonNode doc = document();
    List<String> broken = new ArrayList<>();
    collectRefs(doc, doc, broken);
    assertThat(broken).isEmpty();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
      while (m.find()) {
        String name = m.group(1);
        path.getValue().fields().forEachRemaining(op -> {
          if (op.getKey().equals("parameters")) {
            return;
          }
          boolean declared = false;
          for (JsonNode p : op.getValue().path("parameters")) {
            declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(name);
          }
          for (JsonNode p : path.getValue().path("parameters")) {
            declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(name);
          }
          assertThat(declared).as(op.getKey() + " " + path.getKey() + " declares " + name).isTrue();
        });
      }
    }
  }

  @Test
  void realAnswersFitTheDocumentedSchemas() throws Exception {
    ApiClient api = api();
    String day = TestOffice.day(1, 1).toString();
    String q = "?agenda=" + TestOffice.ID_CARD + "&from=" + day + "&to=" + TestOffice.day(2, 1);
    check("GET", "/api/v1/departments", api.get("/api/v1/departments"));
    check("GET", "/api/v1/departments/{id}", api.get("/api/v1/departments/civil"));
    check("GET", "/api/v1/departments/{id}/days", api.get("/api/v1/departments/civil/days" + q));
    check("GET", "/api/v1/departments/{id}/slots", api.get("/api/v1/departments/civil/slots" + q));
    check("GET", "/api/v1/officials/{id}/days", api.get("/api/v1/officials/novak/days" + q));
    check("GET", "/api/v1/officials/{id}/slots", api.get("/api/v1/officials/novak/slots" + q));
    check("GET", "/api/v1/officials/{id}/slots", api.get("/api/v1/officials/novak/slots?from=x"));
    Response booked = api.post("/api/v1/reservations", HttpApiContract.booking(TestOffice.NOVAK, TestOffice.ID_CARD,
        TestOffice.slot(1, 1, 0), HttpApiContract.email()));
    check("POST", "/api/v1/reservations", booked);
    check("POST", "/api/v1/reservations", api.post("/api/v1/reservations", HttpApiContract.booking(TestOffice.NOVAK,
        TestOffice.ID_CARD, TestOffice.slot(1, 1, 0), HttpApiContract.email())));
    String token = booked.json().path("manage").path("token").asText();
    String id = booked.json().path("reservation").path("id").asText();
    check("GET", "/api/v1/manage/{token}", api.get("/api/v1/manage/" + token));
    check("GET", "/api/v1/manage/{token}/proposals", api.get("/api/v1/manage/" + token + "/proposals"));
    check("POST", "/api/v1/manage/{token}/reschedule", api.post("/api/v1/manage/" + token + "/reschedule",
        Map.of("official", TestOffice.SVOBODA, "start", TestOffice.slot(1, 1, 1).toString())));
    ApiClient admin = as(TestOffice.ADMIN);
    check("GET", "/api/v1/staff/me", admin.get("/api/v1/staff/me"));
    check("GET", "/api/v1/staff/worklist", admin.get("/api/v1/staff/worklist"));
    check("GET", "/api/v1/staff/reservations", admin.get("/api/v1/staff/reservations"));
    check("GET", "/api/v1/staff/reservations/{id}", admin.get("/api/v1/staff/reservations/" + id));
    check("GET", "/api/v1/staff/officials/{id}/day-plan", admin.get("/api/v1/staff/officials/svoboda/day-plan?date=" + day));
    check("GET", "/api/v1/staff/officials/{id}/windows", admin.get("/api/v1/staff/officials/svoboda/windows"));
    check("POST", "/api/v1/staff/officials/{id}/absences", admin.post("/api/v1/staff/officials/svoboda/absences",
        Map.of("start", TestOffice.slot(1, 1, 0).toString(), "end", TestOffice.slot(1, 1, 4).toString(), "kind", "ILLNESS")));
    check("GET", "/api/v1/staff/officials/{id}/absences", admin.get("/api/v1/staff/officials/svoboda/absences?from="
        + TestOffice.slot(1, 0, 0) + "&to=" + TestOffice.slot(2, 0, 0)));
    check("GET", "/api/v1/staff/worklist", admin.get("/api/v1/staff/worklist"));
    check("POST", "/api/v1/staff/reservations/{id}/cancel", admin.post("/api/v1/staff/reservations/" + id + "/cancel",
        Map.of("note", "sorry")));
    check("GET", "/api/v1/staff/offices", admin.get("/api/v1/staff/offices"));
    check("GET", "/api/v1/staff/departments", admin.get("/api/v1/staff/departments"));
    check("GET", "/api/v1/staff/accounts", admin.get("/api/v1/staff/accounts"));
    check("GET", "/api/v1/staff/audit", admin.get("/api/v1/staff/audit"));
    check("GET", "/api/v1/staff/statistics", admin.get("/api/v1/staff/statistics?from=" + day + "&to=" + day));
    check("GET", "/api/v1/staff/statistics", api.get("/api/v1/staff/statistics"));
    check("GET", "/api/v1/staff/reception/today", admin.get("/api/v1/staff/reception/today"));
    check("POST", "/api/v1/staff/reception/check-in", admin.post("/api/v1/staff/reception/check-in", Map.of("code", "3333333")));
    check("POST", "/api/v1/staff/reservations/{id}/start", admin.post("/api/v1/staff/reservations/" + id + "/start", null));
    check("GET", "/api/v1/offices/{id}/now-serving", api.get("/api/v1/offices/p6/now-serving"));
    Map<String, Object> wish = new java.util.LinkedHashMap<>(Map.of("official", TestOffice.NOVAK, "agenda", TestOffice.ID_CARD,
        "firstDay", TestOffice.day(1, 2).toString(), "lastDay", TestOffice.day(1, 3).toString(), "name", "Eva Malá",
        "email", HttpApiContract.email(), "topic", "ID card"));
    check("POST", "/api/v1/waiting-list", api.post("/api/v1/waiting-list", wish));
    wish.remove("email");
    wish.put("phone", "+420 777 123 456");
    check("POST", "/api/v1/staff/waiting-list", admin.post("/api/v1/staff/waiting-list", wish));
    check("GET", "/api/v1/staff/waiting-list", admin.get("/api/v1/staff/waiting-list?department=" + TestOffice.CIVIL));
    check("POST", "/api/v1/staff/login", api.post("/api/v1/staff/login", Map.of("username", "x", "password", "y")));
    check("GET", "/health/live", api.get("/health/live"));
    check("GET", "/health/ready", api.get("/health/ready"));
    check("GET", "/metrics", api.get("/metrics"));
  }

  /** Validates the body against the schema the document gives for this operation and status. */
  private void check(String method, String template, Response response) throws Exception {
    JsonNode doc = document();
    JsonNode answer = doc.path("paths").path(template).path(method.toLowerCase()).path("responses")
        .path(Integer.toString(response.status()));
    assertThat(answer.isMissingNode()).as(method + " " + template + " documents " + response).isFalse();
    if (answer.has("$ref")) {
      answer = doc.at(answer.path("$ref").asText().substring(1));
    }
    Map.Entry<String, JsonNode> content = answer.path("content").fields().next();
    assertThat(response.contentType()).startsWith(content.getKey());
    if (!content.getKey().endsWith("json")) {
      return; // Prometheus text: no JSON schema to check
    }
    ObjectNode schema = JSON.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.set("$ref", content.getValue().path("schema").path("$ref"));
    schema.set("components", doc.path("components"));
    Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.writeValueAsString(schema), InputFormat.JSON);
    List<Error> errors = validator.validate(response.body(), InputFormat.JSON);
    assertThat(errors).as(method + " " + template + " " + response.status() + ": " + response.body()).isEmpty();
  }

  private static void collectRefs(JsonNode doc, JsonNode node, List<String> broken) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref") && (!e.getValue().asText().startsWith("#/")
            || doc.at(e.getValue().asText().substring(1)).isMissingNode())) {
          broken.add(e.getValue().asText());
        }
        collectRefs(doc, e.getValue(), broken);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(doc, n, broken));
    }
  }
}
