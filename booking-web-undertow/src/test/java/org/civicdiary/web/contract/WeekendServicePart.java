/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * A window limited to agendas and opened on the public holidays it names, over HTTP. The part keeps
 * to a department of its own ("saturday") whose official nobody else books.
 */
abstract class WeekendServicePart extends ContractPart {
  static final String SATURDAY_DEPT = "saturday";
  static final String SOBOTA = "sobota";
  static final String URGENT_ID = "urgent-id";
  static final String RESIDENCE = "residence";
  private static final LocalDate SATURDAY = LocalDate.of(2027, 3, 13);
  private static final LocalDate EASTER_MONDAY = LocalDate.of(2027, 3, 29);

  WeekendServicePart(HttpApiContract contract) {
    super(contract);
  }

  private void saturdayService(List<String> holidayOpenings) {
    department(SATURDAY_DEPT, "Odbor sobotní", "Saturday service", SOBOTA);
    agenda(URGENT_ID, "Občanský průkaz", "ID card");
    agenda(RESIDENCE, "Trvalý pobyt", "Permanent residence");
    ok(c.as(ADMIN).put("/api/v1/staff/officials/" + SOBOTA + "/windows", Map.of("windows", List.of(
        window("SATURDAY", List.of(URGENT_ID), List.of()),
        window("MONDAY", List.of(), holidayOpenings)))));
  }

  private static Map<String, Object> window(String day, List<String> agendas, List<String> holidayOpenings) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("day", day);
    w.put("start", "09:00");
    w.put("end", "12:00");
    w.put("validFrom", "2027-01-01");
    w.put("agendas", agendas);
    w.put("holidayOpenings", holidayOpenings);
    return w;
  }

  private void agenda(String id, String cs, String en) {
    ok(c.as(ADMIN).put("/api/v1/staff/agendas/" + id, Map.of("department", SATURDAY_DEPT,
        "name", Map.of("cs", cs, "en", en), "slots", 1, "officials", List.of(SOBOTA))));
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<String> starts(String agenda, LocalDate day) {
    List<String> starts = new ArrayList<>();
    ok(api().get("/api/v1/officials/" + SOBOTA + "/slots?agenda=" + agenda + "&from=" + day)).path("slots")
        .forEach(s -> starts.add(s.path("start").asText()));
    return starts;
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 0)).atZone(TestOffice.PRAGUE).toInstant();
  }

  @Test
  void aSaturdayWindowOffersAndBooksOnlyItsAgendas() {
    saturdayService(List.of());
    assertThat(starts(URGENT_ID, SATURDAY)).hasSize(12).first().isEqualTo(at(SATURDAY, 9).toString());
    assertThat(starts(RESIDENCE, SATURDAY)).isEmpty();
    assertThat(starts(RESIDENCE, SATURDAY.plusDays(2))).isNotEmpty();

    JsonNode refused = assertProblem(api().post("/api/v1/reservations",
        HttpApiContract.booking(SOBOTA, RESIDENCE, at(SATURDAY, 10), HttpApiContract.email())),
        422, "slot-not-bookable", "start");
    assertThat(refused.path("reason").asText()).isEqualTo("AGENDA_NOT_SERVED");
    assertThat(c.reservationsAt(SOBOTA, at(SATURDAY, 10))).isZero();

    JsonNode windows = ok(c.as(ADMIN).get("/api/v1/staff/officials/" + SOBOTA + "/windows"));
    assertThat(windows.path("windows").get(0).path("agendas").get(0).asText()).isEqualTo(URGENT_ID);
    assertThat(windows.path("windows").get(0).has("onHolidays")).isFalse();
  }

  @Test
  void aWindowIsClosedOnAHolidayUnlessOpenedForThatDate() {
    saturdayService(List.of());
    assertThat(starts(RESIDENCE, EASTER_MONDAY)).isEmpty();
    saturdayService(List.of(EASTER_MONDAY.toString()));
    assertThat(starts(RESIDENCE, EASTER_MONDAY)).hasSize(12);
    JsonNode windows = ok(c.as(ADMIN).get("/api/v1/staff/officials/" + SOBOTA + "/windows"));
    assertThat(windows.path("windows").get(1).path("holidayOpenings").get(0).asText())
        .isEqualTo(EASTER_MONDAY.toString());
    saturdayService(List.of());
  }

  @Test
  void aWindowOfAnAgendaTheOfficialDoesNotHandleIsAProblemAndChangesNothing() {
    saturdayService(List.of());
    assertProblem(c.as(ADMIN).put("/api/v1/staff/officials/" + SOBOTA + "/windows", Map.of("windows", List.of(
        window("SATURDAY", List.of(TestOffice.ID_CARD), List.of())))), 400, "invalid-input", "windows[0].agendas");
    assertProblem(c.as(ADMIN).put("/api/v1/staff/officials/" + SOBOTA + "/windows", Map.of("windows", List.of(
        window("MONDAY", List.of(), List.of("2027-03-30"))))), 400, "invalid-input", "windows[0].holidayOpenings");
    assertThat(ok(c.as(ADMIN).get("/api/v1/staff/officials/" + SOBOTA + "/windows")).path("windows")).hasSize(2);
  }

  @Test
  void everyStaffMemberReadsTheHolidayCalendarsAnOfficeMayNameAndAnotherNameIsAProblem() {
    for (String who : List.of(ADMIN, TestOffice.OPERATOR, TestOffice.OFFICIAL_NOVAK)) {
      Response r = c.as(who).get("/api/v1/staff/holiday-calendars");
      assertThat(r.status()).as(who + ": " + r.body()).isEqualTo(200);
      assertThat(r.json().toString()).isEqualTo("[\"CZ\"]");
    }
    assertProblem(api().get("/api/v1/staff/holiday-calendars"), 401, "unauthenticated", null);

    com.fasterxml.jackson.databind.node.ObjectNode office = c.as(ADMIN).get("/api/v1/staff/offices").json()
        .path("offices").get(0).deepCopy();
    office.remove("id");
    office.put("holidayCalendar", "AT");
    assertProblem(c.as(ADMIN).put("/api/v1/staff/offices/p6", office), 400, "invalid-input", "holidayCalendar");
    assertThat(c.as(ADMIN).get("/api/v1/staff/offices").json().path("offices").get(0).path("holidayCalendar").asText())
        .isEqualTo("CZ");
  }
}
