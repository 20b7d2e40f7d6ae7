/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Administrators keep webhook endpoints. Week 8, Friday is this part's. */
abstract class WebhooksPart extends ContractPart {
  private static final String HOOKS = "/api/v1/staff/webhooks";

  WebhooksPart(HttpApiContract contract) {
    super(contract);
  }

  private static Map<String, Object> endpoint(String url, List<String> events) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", url);
    body.put("description", "Portál města");
    body.put("events", events);
    return body;
  }

  private int endpoints() {
    return c.as(ADMIN).get(HOOKS).json().path("endpoints").size();
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndStoresNothing() {
    int before = endpoints();
    int audit = c.auditSize();
    List<String> created = List.of("reservation.created");
    assertProblem(c.as(ADMIN).post(HOOKS, endpoint("not a url", created)), 400, "invalid-input", "url");
    assertProblem(c.as(ADMIN).post(HOOKS, endpoint("ftp://crm.example.cz/in", created)), 400, "invalid-input", "url");
    JsonNode plain = assertProblem(c.as(ADMIN).post(HOOKS, endpoint("http://crm.example.cz/in", created)), 400,
        "invalid-input", "url");
    assertThat(plain.path("detail").asText()).contains("https");
    assertProblem(c.as(ADMIN).post(HOOKS, endpoint("https://user:secret@crm.example.cz/in", created)), 400,
        "invalid-input", "url");
    assertProblem(c.as(ADMIN).post(HOOKS, endpoint("https://crm.example.cz/in", List.of("reservation.eaten"))), 400,
        "invalid-input", "events");
    assertProblem(c.as(ADMIN).post(HOOKS, endpoint("https://crm.example.cz/in", List.of())), 400, "invalid-input",
        "events");
    assertProblem(c.as(ADMIN).get(HOOKS + "/not-a-uuid"), 400, "invalid-input", "id");
    assertProblem(c.as(ADMIN).get(HOOKS + "/" + java.util.UUID.randomUUID()), 404, "not-found", null);

    assertThat(endpoints()).isEqualTo(before);
    assertThat(c.auditSize()).isEqualTo(audit);
  }

  @Test
  void anEndpointIsRegisteredChangedRotatedAndDeletedAndItsSecretShowsOnlyOnce() {
    Response made = c.as(ADMIN).post(HOOKS, endpoint("http://127.0.0.1:8999/hooks",
        List.of("reservation.created", "reservation.cancelled")));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String secret = made.json().path("secret").asText();
    String id = made.json().path("endpoint").path("id").asText();
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
    assertThat(made.json().path("endpoint").path("active").asBoolean()).isTrue();
    assertThat(made.json().path("endpoint").path("personalData").asBoolean()).isFalse();

    Response list = c.as(ADMIN).get(HOOKS);
    assertThat(list.body()).contains(id).doesNotContain(secret).doesNotContain("whsec_");
    assertThat(c.as(ADMIN).get(HOOKS + "/" + id).body()).doesNotContain(secret);

    Map<String, Object> change = endpoint("https://crm.example.cz/hooks", List.of("reservation.created"));
    change.put("personalData", true);
    Response changed = c.as(ADMIN).put(HOOKS + "/" + id, change);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("url").asText()).isEqualTo("https://crm.example.cz/hooks");
    assertThat(changed.json().path("personalData").asBoolean()).isTrue();

    c.book(NOVAK, ID_CARD, slot(8, 4, c.next() % 8));
    JsonNode log = c.as(ADMIN).get(HOOKS + "/" + id + "/deliveries").json().path("deliveries");
    assertThat(log).hasSize(1);
    assertThat(log.get(0).path("type").asText()).isEqualTo("reservation.created");
    assertThat(log.get(0).path("state").asText()).isEqualTo("PENDING");
    assertProblem(c.as(ADMIN).post(HOOKS + "/" + id + "/deliveries/" + log.get(0).path("number").asLong() + "/retry",
        null), 409, "state-conflict", null);

    Response rotated = c.as(ADMIN).post(HOOKS + "/" + id + "/rotate-secret", null);
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    assertThat(rotated.json().path("secret").asText()).startsWith("whsec_").isNotEqualTo(secret);
    assertThat(rotated.json().path("endpoint").path("previousSecretUntil").isNull()).isFalse();

    JsonNode audit = c.as(ADMIN).get("/api/v1/staff/audit?limit=10").json().path("entries");
    assertThat(audit.toString()).contains("webhook.create", "webhook.update", "webhook.rotate-secret")
        .doesNotContain("whsec_");

    assertThat(c.as(ADMIN).delete(HOOKS + "/" + id).status()).isEqualTo(204);
    assertProblem(c.as(ADMIN).get(HOOKS + "/" + id), 404, "not-found", null);
  }
}
