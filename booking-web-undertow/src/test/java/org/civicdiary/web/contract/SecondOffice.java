/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;

/**
 * A second office beside TestOffice's Prague 6 ("p6"), made over HTTP by the deployment's
 * administrator: the town of Roztoky with one department, one official who receives on Mondays,
 * and an administrator, an operator and a reception of its own. Its id sorts after "p6", so "the first office"
 * stays Prague 6 for the other parts. Every call leaves the same.
 */
final class SecondOffice {
  static final String OFFICE = "roztoky";
  static final String REGISTRY = "roztoky-registry";
  static final String KRAL = "roztoky-kral";
  static final String BIRTH = "roztoky-birth";
  static final String ADMIN_B = "roztoky.admin";
  static final String OPERATOR_B = "roztoky.operator";
  static final String RECEPTION_B = "roztoky.reception";

  private SecondOffice() {}

  static void ensure(HttpApiContract c) {
    ApiClient admin = c.as(ADMIN);
    ObjectNode office = c.as(ADMIN).get("/api/v1/staff/offices").json().path("offices").get(0).deepCopy();
    office.remove("id");
    Map<String, Object> place = Map.of("name", "Městský úřad Roztoky", "address", "Nám. 5. května 2, Roztoky");
    office.set("name", ApiClient.JSON.valueToTree(Map.of("cs", "Město Roztoky", "en", "Roztoky")));
    office.set("place", ApiClient.JSON.valueToTree(place));
    ok(admin.put("/api/v1/staff/offices/" + OFFICE, office));
    ok(admin.put("/api/v1/staff/departments/" + REGISTRY, Map.of("office", OFFICE,
        "name", Map.of("cs", "Matrika", "en", "Registry"), "place", place)));
    ok(admin.put("/api/v1/staff/officials/" + KRAL, Map.of("department", REGISTRY, "name", "Josef Král", "active", true)));
    ok(admin.put("/api/v1/staff/officials/" + KRAL + "/windows", Map.of("windows", List.of(
        Map.of("day", "MONDAY", "start", "16:00", "end", "18:00", "validFrom", "2027-01-01")))));
    ok(admin.put("/api/v1/staff/agendas/" + BIRTH, Map.of("department", REGISTRY,
        "name", Map.of("cs", "Rodný list", "en", "Birth certificate"), "slots", 1, "officials", List.of(KRAL))));
    JsonNode accounts = ok(admin.get("/api/v1/staff/accounts"));
    for (String[] account : new String[][] {{ADMIN_B, "ADMIN"}, {OPERATOR_B, "OPERATOR"}, {RECEPTION_B, "RECEPTION"}}) {
      boolean exists = false;
      for (JsonNode a : accounts.path("accounts")) {
        exists |= a.path("username").asText().equals(account[0]);
      }
      // Made once: a new password would end the sessions the contract keeps.
      if (!exists) {
        ok(admin.put("/api/v1/staff/accounts/" + account[0], Map.of("role", account[1], "active", true,
            "office", OFFICE, "password", TestOffice.PASSWORD)));
      }
    }
  }

  static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }
}
