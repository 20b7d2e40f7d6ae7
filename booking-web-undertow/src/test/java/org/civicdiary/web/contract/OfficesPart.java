/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.CIVIL;
import static org.civicdiary.web.contract.TestOffice.NOVAK;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Public reads of one office in a deployment of several: {@code /api/v1/offices/{office}/…} shows
 * that office's departments and free time only, and finds nothing of another office there. The
 * second office's official receives on Mondays and is booked by no other part.
 */
abstract class OfficesPart extends ContractPart {
  OfficesPart(HttpApiContract contract) {
    super(contract);
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private JsonNode ok(String path) {
    Response r = api().get(path);
    assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void anOfficesDirectoryShowsThatOfficeOnlyAndTheOldPathEveryOffice() {
    SecondOffice.ensure(c);
    JsonNode roztoky = ok("/api/v1/offices/" + SecondOffice.OFFICE + "/departments");
    assertThat(ids(roztoky.path("offices"))).containsExactly(SecondOffice.OFFICE);
    assertThat(ids(roztoky.path("departments"))).containsExactly(SecondOffice.REGISTRY);
    assertThat(ids(roztoky.path("departments").get(0).path("officials"))).containsExactly(SecondOffice.KRAL);
    assertThat(roztoky.path("offices").get(0).path("name").path("cs").asText()).isEqualTo("Město Roztoky");

    JsonNode prague = ok("/api/v1/offices/p6/departments");
    assertThat(ids(prague.path("offices"))).containsExactly("p6");
    assertThat(ids(prague.path("departments"))).contains(CIVIL).doesNotContain(SecondOffice.REGISTRY);

    JsonNode every = ok("/api/v1/departments");
    assertThat(ids(every.path("offices"))).contains("p6", SecondOffice.OFFICE);
    assertThat(ids(every.path("departments"))).contains(CIVIL, SecondOffice.REGISTRY);

    assertProblem(api().get("/api/v1/offices/nowhere/departments"), 404, "not-found", null);
  }

  @Test
  void freeTimeUnderAnOfficeIsItsOwnAndAnotherOfficesIsNotFound() {
    SecondOffice.ensure(c);
    String range = "&from=" + TestOffice.day(2, 0) + "&to=" + TestOffice.day(2, 6);
    String roztoky = "/api/v1/offices/" + SecondOffice.OFFICE;
    JsonNode days = ok(roztoky + "/officials/" + SecondOffice.KRAL + "/days?agenda=" + SecondOffice.BIRTH + range);
    List<String> dates = new ArrayList<>();
    days.path("days").forEach(d -> dates.add(d.path("date").asText()));
    assertThat(dates).as("Mondays only").containsExactly(TestOffice.day(2, 0).toString());
    JsonNode slots = ok(roztoky + "/officials/" + SecondOffice.KRAL + "/slots?agenda=" + SecondOffice.BIRTH
        + "&from=" + TestOffice.day(2, 0));
    assertThat(slots.path("slots")).hasSize(8);
    assertThat(ok(roztoky + "/departments/" + SecondOffice.REGISTRY + "/slots?agenda=" + SecondOffice.BIRTH
        + "&from=" + TestOffice.day(2, 0)).path("slots")).hasSize(8);
    assertThat(ok(roztoky + "/departments/" + SecondOffice.REGISTRY + "/days?agenda=" + SecondOffice.BIRTH + range)
        .path("days")).hasSize(1);
    assertThat(ok(roztoky + "/departments/" + SecondOffice.REGISTRY).path("id").asText()).isEqualTo(SecondOffice.REGISTRY);

    assertProblem(api().get(roztoky + "/departments/" + CIVIL), 404, "not-found", null);
    assertProblem(api().get(roztoky + "/officials/" + NOVAK + "/days?agenda=id-card" + range), 404, "not-found", null);
    assertProblem(api().get("/api/v1/offices/p6/officials/" + SecondOffice.KRAL + "/slots?agenda=" + SecondOffice.BIRTH
        + "&from=" + TestOffice.day(2, 0)), 404, "not-found", null);
    assertProblem(api().get("/api/v1/offices/p6/departments/" + SecondOffice.REGISTRY + "/days?agenda="
        + SecondOffice.BIRTH + range), 404, "not-found", null);
  }
}
