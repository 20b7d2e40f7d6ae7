/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_NOVAK;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Deputies over HTTP: administrators keep the lists, and a full diary's free-time offer names the
 * first deputy's first free time. The part keeps to a department of its own ("social"), whose
 * officials no other part books, so it needs no week of the shared diaries.
 */
abstract class DeputiesPart extends ContractPart {
  static final String SOCIAL = "social";
  static final String BENEFITS = "benefits";
  /** Has no windows: the diary is full all the way to the horizon. */
  static final String KRAL = "kral";
  /** Receives on Thursdays only. */
  static final String ZEMAN = "zeman";
  /** Receives every weekday. */
  static final String MALA = "mala";

  DeputiesPart(HttpApiContract contract) {
    super(contract);
  }

  /** The department, its officials, their windows and the agenda; every call leaves the same. */
  private void social() {
    department(SOCIAL, "Sociální odbor", "Social affairs", KRAL, ZEMAN, MALA);
    ApiClient admin = c.as(ADMIN);
    ok(admin.put("/api/v1/staff/officials/" + ZEMAN + "/windows", Map.of("windows", List.of(window("THURSDAY")))));
    ok(admin.put("/api/v1/staff/officials/" + MALA + "/windows", Map.of("windows",
        List.of(window("MONDAY"), window("TUESDAY"), window("WEDNESDAY"), window("THURSDAY"), window("FRIDAY")))));
    Map<String, Object> agenda = new LinkedHashMap<>();
    agenda.put("department", SOCIAL);
    agenda.put("name", Map.of("cs", "Příspěvek na bydlení", "en", "Housing benefit"));
    agenda.put("slots", 1);
    agenda.put("officials", List.of(KRAL, ZEMAN, MALA));
    ok(admin.put("/api/v1/staff/agendas/" + BENEFITS, agenda));
  }

  private static Map<String, Object> window(String day) {
    return Map.of("day", day, "start", "16:00", "end", "18:00", "validFrom", "2027-01-01");
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private JsonNode replace(String official, String agenda, List<String> deputies) {
    return ok(c.as(ADMIN).put("/api/v1/staff/officials/" + official + "/deputies/" + agenda, Map.of("deputies", deputies)));
  }

  private JsonNode offer(String official) {
    return ok(api().get("/api/v1/officials/" + official + "/deputy-offer?agenda=" + BENEFITS));
  }

  /** The official's first free time over the public slots endpoint, looking a week ahead. */
  private JsonNode firstSlot(String official) {
    LocalDate from = LocalDate.ofInstant(c.clock.instant(), TestOffice.PRAGUE);
    return ok(api().get("/api/v1/officials/" + official + "/slots?agenda=" + BENEFITS + "&from=" + from
        + "&to=" + from.plusDays(7))).path("slots").get(0);
  }

  @Test
  void administratorsReplaceAndReadTheOrderedListsAndOthersAreRefused() {
    social();
    JsonNode saved = replace(KRAL, BENEFITS, List.of(ZEMAN, MALA));
    assertThat(saved.path("agenda").asText()).isEqualTo(BENEFITS);
    assertThat(PublicReadsPart.ids(saved.path("deputies"))).containsExactly(ZEMAN, MALA);

    JsonNode read = ok(c.as(ADMIN).get("/api/v1/staff/officials/" + KRAL + "/deputies"));
    assertThat(read.path("official").asText()).isEqualTo(KRAL);
    assertThat(read.path("agendas")).singleElement().satisfies(a -> {
      assertThat(a.path("agenda").asText()).isEqualTo(BENEFITS);
      assertThat(PublicReadsPart.ids(a.path("deputies"))).containsExactly(ZEMAN, MALA);
    });
    for (String who : List.of(OPERATOR, OFFICIAL_NOVAK)) {
      assertProblem(c.as(who).get("/api/v1/staff/officials/" + KRAL + "/deputies"), 403, "not-permitted", null);
      assertProblem(c.as(who).put("/api/v1/staff/officials/" + KRAL + "/deputies/" + BENEFITS,
          Map.of("deputies", List.of(MALA))), 403, "not-permitted", null);
    }
    assertProblem(api().get("/api/v1/staff/officials/" + KRAL + "/deputies"), 401, "unauthenticated", null);
    assertThat(PublicReadsPart.ids(ok(c.as(ADMIN).get("/api/v1/staff/officials/" + KRAL + "/deputies"))
        .path("agendas").get(0).path("deputies"))).as("unchanged").containsExactly(ZEMAN, MALA);
  }

  @Test
  void anInvalidListIsAProblemNamingTheFieldAndChangesNothing() {
    social();
    replace(KRAL, BENEFITS, List.of(MALA));
    String path = "/api/v1/staff/officials/" + KRAL + "/deputies/" + BENEFITS;

    assertProblem(c.as(ADMIN).put(path, Map.of("deputies", List.of(KRAL))), 400, "invalid-input", "deputies");
    assertProblem(c.as(ADMIN).put(path, Map.of("deputies", List.of(MALA, MALA))), 400, "invalid-input", "deputies");
    assertProblem(c.as(ADMIN).put(path, Map.of("deputies", List.of(TestOffice.NOVAK))), 400, "invalid-input", "deputies");
    assertProblem(c.as(ADMIN).put(path, Map.of()), 400, "invalid-input", "deputies");
    assertProblem(c.as(ADMIN).put("/api/v1/staff/officials/" + KRAL + "/deputies/nothing",
        Map.of("deputies", List.of(MALA))), 404, "not-found", null);

    assertThat(PublicReadsPart.ids(ok(c.as(ADMIN).get("/api/v1/staff/officials/" + KRAL + "/deputies"))
        .path("agendas").get(0).path("deputies"))).containsExactly(MALA);
  }

  @Test
  void aFullDiaryOffersTheFirstDeputysFirstFreeTimeInTheDeputiesOrder() {
    social();
    replace(KRAL, BENEFITS, List.of(ZEMAN, MALA));

    JsonNode offered = offer(KRAL);
    assertThat(offered.path("official").asText()).isEqualTo(KRAL);
    assertThat(offered.path("offer")).isEqualTo(firstSlot(ZEMAN));

    replace(KRAL, BENEFITS, List.of(MALA, ZEMAN));
    assertThat(offer(KRAL).path("offer")).isEqualTo(firstSlot(MALA));
    assertThat(firstSlot(MALA).path("start").asText()).isNotEqualTo(firstSlot(ZEMAN).path("start").asText());

    replace(MALA, BENEFITS, List.of(ZEMAN));
    assertThat(offer(MALA).path("offer").isNull()).as("Malá has free time of her own").isTrue();
    replace(KRAL, BENEFITS, List.of());
    assertThat(offer(KRAL).path("offer").isNull()).as("no deputies").isTrue();
    assertProblem(api().get("/api/v1/officials/" + KRAL + "/deputy-offer"), 400, "invalid-input", "agenda");
  }
}
