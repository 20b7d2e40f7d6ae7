/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * A place's description in Czech and English: administrators give it with the department, the
 * public directory shows both languages, and a place given without one (as every place before)
 * answers null. The part keeps to a department of its own ("places").
 */
abstract class PlacesPart extends ContractPart {
  static final String PLACES = "places";

  PlacesPart(HttpApiContract contract) {
    super(contract);
  }

  private Response save(Map<String, Object> place) {
    return c.as(ADMIN).put("/api/v1/staff/departments/" + PLACES, Map.of("office", "p6",
        "name", Map.of("cs", "Odbor míst", "en", "Places"), "place", place));
  }

  private JsonNode publicPlace() {
    Response r = api().get("/api/v1/departments");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode d : r.json().path("departments")) {
      if (d.path("id").asText().equals(PLACES)) {
        return d.path("place");
      }
    }
    throw new AssertionError("no department " + PLACES + " in " + r.body());
  }

  @Test
  void aDescriptionInBothLanguagesIsKeptAndShownAndAPlaceWithoutOneAnswersNull() {
    Response saved = save(Map.of("name", "Radnice Praha 6", "address", "Čs. armády 23, Praha 6",
        "description", Map.of("cs", "Vchod z nádvoří, 2. patro", "en", "Entrance from the courtyard, 2nd floor")));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().path("place").path("description").path("en").asText())
        .isEqualTo("Entrance from the courtyard, 2nd floor");
    JsonNode place = publicPlace();
    assertThat(place.path("description").path("cs").asText()).isEqualTo("Vchod z nádvoří, 2. patro");
    assertThat(place.path("description").path("en").asText()).isEqualTo("Entrance from the courtyard, 2nd floor");

    assertThat(save(Map.of("name", "Radnice Praha 6", "address", "Čs. armády 23, Praha 6")).status()).isEqualTo(200);
    assertThat(publicPlace().path("description").isNull() || publicPlace().path("description").isMissingNode()).isTrue();
    assertThat(publicPlace().path("name").asText()).isEqualTo("Radnice Praha 6");
  }

  @Test
  void aDescriptionWithAnEmptyLanguageIsRefusedAndChangesNothing() {
    assertThat(save(Map.of("name", "Radnice Praha 6", "address", "Čs. armády 23, Praha 6")).status()).isEqualTo(200);
    Response refused = save(Map.of("name", "Radnice Praha 6", "address", "Čs. armády 23, Praha 6",
        "description", Map.of("cs", "Vchod z nádvoří", "en", " ")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(publicPlace().path("description").isNull() || publicPlace().path("description").isMissingNode()).isTrue();
  }
}
