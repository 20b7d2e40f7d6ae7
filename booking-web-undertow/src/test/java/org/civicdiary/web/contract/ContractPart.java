/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civicdiary.web.contract.ApiClient.Response;

/** A group of the contract's tests; reaches the running server through the contract. */
abstract class ContractPart {
  protected final HttpApiContract c;

  ContractPart(HttpApiContract contract) {
    this.c = contract;
  }

  protected ApiClient api() {
    return c.api;
  }

  /**
   * Saves, as an administrator, a department of the test office with these active officials
   * (named "Official " and their id): a part's own diaries, the same after every call.
   */
  protected void department(String id, String nameCs, String nameEn, String... officials) {
    ApiClient admin = c.as(TestOffice.ADMIN);
    Response saved = admin.put("/api/v1/staff/departments/" + id, java.util.Map.of("office", "p6",
        "name", java.util.Map.of("cs", nameCs, "en", nameEn),
        "place", java.util.Map.of("name", "Radnice Praha 6", "address", "Čs. armády 23, Praha 6")));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    for (String official : officials) {
      Response r = admin.put("/api/v1/staff/officials/" + official, java.util.Map.of("department", id,
          "name", "Official " + official, "active", true));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
  }

  /**
   * Sets, as an administrator, how many meetings one address may hold with one official on one day
   * in the test office (one unless a part raises it for a test and puts it back).
   */
  protected void dailyLimit(int limit) {
    ApiClient admin = c.as(TestOffice.ADMIN);
    com.fasterxml.jackson.databind.node.ObjectNode office = admin.get("/api/v1/staff/offices").json().path("offices")
        .get(0).deepCopy();
    office.remove("id");
    ((com.fasterxml.jackson.databind.node.ObjectNode) office.path("policy")).put("maxDailyPerEmail", limit);
    Response saved = admin.put("/api/v1/staff/offices/p6", office);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().path("policy").path("maxDailyPerEmail").asInt()).isEqualTo(limit);
  }

  /** Checks an RFC 9457 answer: status, media type, code and the field it names. */
  static JsonNode assertProblem(Response r, int status, String code, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("type").asText()).isEqualTo("urn:civicdiary:problem:" + code);
    assertThat(p.path("code").asText()).isEqualTo(code);
    assertThat(p.path("title").asText()).isNotBlank();
    if (field != null) {
      assertThat(p.path("field").asText()).isEqualTo(field);
    }
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.civicdiary");
    return p;
  }
}
