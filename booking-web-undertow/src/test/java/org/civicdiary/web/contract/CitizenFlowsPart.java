/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.CIVIL;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.SVOBODA;
import static org.civicdiary.web.contract.TestOffice.day;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.civicdiary.booking.model.Status;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** The citizen's way: book, open the manage link, reschedule, cancel. Week 1 is this part's. */
abstract class CitizenFlowsPart extends ContractPart {
  CitizenFlowsPart(HttpApiContract contract) {
    super(contract);
  }

  @Test
  void bookOpenTheManageLinkRescheduleAndCancel() {
    Response booked = api().post("/api/v1/reservations", HttpApiContract.booking(NOVAK, ID_CARD, slot(1, 0, 0), HttpApiContract.email()));
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    JsonNode reservation = booked.json().path("reservation");
    String id = reservation.path("id").asText();
    assertThat(reservation.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(reservation.path("start").asText()).isEqualTo(slot(1, 0, 0).toString());
    assertThat(reservation.path("end").asText()).isEqualTo(slot(1, 0, 1).toString());
    assertThat(reservation.path("channel").asText()).isEqualTo("WEB");
    String token = booked.json().path("manage").path("token").asText();
    assertThat(token).hasSize(43);
    assertThat(booked.json().path("manage").path("link").asText())
        .isEqualTo("https://portal.example" + HttpApiContract.PREFIX + "/manage/" + token);
    assertThat(booked.header("Location").orElseThrow()).endsWith(HttpApiContract.PREFIX + "/api/v1/manage/" + token);

    JsonNode view = api().get("/api/v1/manage/" + token).json();
    assertThat(view.path("reservation").path("id").asText()).isEqualTo(id);
    assertThat(view.path("official").path("name").asText()).isEqualTo("Official novak");
    assertThat(view.path("department").path("name").path("cs").asText()).isEqualTo("Občanské záležitosti");
    assertThat(view.path("agenda").path("id").asText()).isEqualTo(ID_CARD);
    assertThat(view.path("canCancel").asBoolean()).isTrue();

    Response moved = api().post("/api/v1/manage/" + token + "/reschedule", Map.of("official", SVOBODA, "start", slot(1, 1, 3).toString()));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().path("reservation").path("official").asText()).isEqualTo(SVOBODA);
    assertThat(moved.json().path("reservation").path("start").asText()).isEqualTo(slot(1, 1, 3).toString());
    assertThat(c.reservationsAt(NOVAK, slot(1, 0, 0))).as("the old time is free again").isZero();
    assertThat(api().get("/api/v1/officials/" + NOVAK + "/slots?agenda=" + ID_CARD + "&from=" + day(1, 0)).json()
        .path("slots")).hasSize(8);

    Response cancelled = api().post("/api/v1/manage/" + token + "/cancel", null);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().path("reservation").path("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.json().path("canCancel").asBoolean()).isFalse();
    assertThat(c.statusOf(id)).isEqualTo(Status.CANCELLED);
    assertThat(c.reservationsAt(SVOBODA, slot(1, 1, 3))).isZero();
    assertProblem(api().post("/api/v1/manage/" + token + "/cancel", Map.of()), 409, "state-conflict", null);
  }

  @Test
  void bookTheFirstAvailableOfficialOfADepartment() {
    JsonNode slots = api().get("/api/v1/departments/" + CIVIL + "/slots?agenda=" + ID_CARD + "&from=" + day(1, 2)).json().path("slots");
    JsonNode first = slots.get(0);
    JsonNode booked = c.book(first.path("official").asText(), ID_CARD, java.time.Instant.parse(first.path("start").asText()));
    assertThat(booked.path("reservation").path("official").asText()).isEqualTo(first.path("official").asText());
    JsonNode after = api().get("/api/v1/departments/" + CIVIL + "/slots?agenda=" + ID_CARD + "&from=" + day(1, 2)).json().path("slots");
    assertThat(after.get(0).path("start").asText()).isEqualTo(first.path("start").asText());
    assertThat(after.get(0).path("alsoFree")).hasSize(first.path("alsoFree").size() - 1);
  }
}
