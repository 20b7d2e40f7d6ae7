/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Days over the whole booking horizon: a calendar asks for every bookable day in one call, for a
 * horizon of a year and of two (the longest an office may set). The part keeps to an office of its
 * own ("zz-horizon", sorting after the others), whose one official receives on Mondays.
 */
abstract class HorizonPart extends ContractPart {
  static final String OFFICE = "zz-horizon";
  static final String DEPARTMENT = "zz-horizon-registry";
  static final String OFFICIAL = "zz-horizon-benes";
  static final String AGENDA = "zz-horizon-permit";

  HorizonPart(HttpApiContract contract) {
    super(contract);
  }

  /** The office with this horizon, its department, official, Monday windows and agenda; every call leaves the same. */
  private void office(int horizonDays) {
    ApiClient admin = c.as(ADMIN);
    ObjectNode office = admin.get("/api/v1/staff/offices").json().path("offices").get(0).deepCopy();
    office.remove("id");
    office.set("name", ApiClient.JSON.valueToTree(Map.of("cs", "Obec Horizont", "en", "Horizon")));
    ((ObjectNode) office.path("policy")).put("horizonDays", horizonDays);
    ok(admin.put("/api/v1/staff/offices/" + OFFICE, office));
    ok(admin.put("/api/v1/staff/departments/" + DEPARTMENT, Map.of("office", OFFICE,
        "name", Map.of("cs", "Stavební úřad", "en", "Building office"),
        "place", Map.of("name", "Obecní úřad", "address", "Náves 1, Horizont"))));
    ok(admin.put("/api/v1/staff/officials/" + OFFICIAL, Map.of("department", DEPARTMENT, "name", "Jan Beneš",
        "active", true)));
    ok(admin.put("/api/v1/staff/officials/" + OFFICIAL + "/windows", Map.of("windows", List.of(
        Map.of("day", "MONDAY", "start", "16:00", "end", "18:00", "validFrom", "2027-01-01")))));
    ok(admin.put("/api/v1/staff/agendas/" + AGENDA, Map.of("department", DEPARTMENT,
        "name", Map.of("cs", "Stavební povolení", "en", "Building permit"), "slots", 1, "officials", List.of(OFFICIAL))));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(c.clock.instant(), ZoneId.of("Europe/Prague"));
  }

  private static String range(LocalDate from, LocalDate to) {
    return "?agenda=" + AGENDA + "&from=" + from + "&to=" + to;
  }

  /**
   * Checks a list of days: Mondays only (public holidays left out), from today to the horizon's
   * last week, about one a week all the way. Answers the last.
   */
  private static LocalDate mondaysUpTo(List<String> dates, LocalDate today, LocalDate last) {
    assertThat(dates).allSatisfy(d -> {
      assertThat(LocalDate.parse(d).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
      assertThat(LocalDate.parse(d)).isBetween(today, last);
    });
    assertThat(dates.size()).isGreaterThan((int) (today.until(last, ChronoUnit.WEEKS) - 8));
    LocalDate lastFree = LocalDate.parse(dates.get(dates.size() - 1));
    assertThat(lastFree).isAfter(last.minusDays(7));
    return lastFree;
  }

  private static List<String> dates(JsonNode answer) {
    List<String> dates = new ArrayList<>();
    answer.path("days").forEach(d -> dates.add(d.path("date").asText()));
    return dates;
  }

  @Test
  void aYearsHorizonAnswersEveryDayToItsLastMonthInOneCall() {
    office(365);
    LocalDate today = today();
    LocalDate last = today.plusDays(365);
    List<String> expected = null;
    for (String path : List.of("/api/v1/officials/" + OFFICIAL + "/days", "/api/v1/departments/" + DEPARTMENT + "/days",
        "/api/v1/offices/" + OFFICE + "/officials/" + OFFICIAL + "/days")) {
      List<String> dates = dates(ok(api().get(path + range(today, last))));
      LocalDate lastFree = mondaysUpTo(dates, today, last);
      assertThat(YearMonth.from(lastFree)).as(path).isEqualTo(YearMonth.from(last));
      assertThat(dates).as(path).containsExactlyElementsOf(expected == null ? dates : expected);
      expected = dates;
    }
    // the last Monday's slots: a list of one day, as the calendar asks for them
    LocalDate lastMonday = LocalDate.parse(expected.get(expected.size() - 1));
    JsonNode slots = ok(api().get("/api/v1/officials/" + OFFICIAL + "/slots" + range(lastMonday, lastMonday)));
    assertThat(slots.path("slots")).hasSize(8);
    // operators' calendar: the same days, over the staff view
    JsonNode staff = ok(c.as(ADMIN).get("/api/v1/staff/officials/" + OFFICIAL + "/days" + range(today, last)));
    assertThat(dates(staff)).containsExactlyElementsOf(expected);
    JsonNode department = ok(c.as(ADMIN).get("/api/v1/staff/departments/" + DEPARTMENT + "/days" + range(today, last)));
    assertThat(dates(department)).containsExactlyElementsOf(expected);
  }

  @Test
  void twoYearsHorizonAnswersItsWholeRangeAndNoLonger() {
    office(730);
    try {
      LocalDate today = today();
      LocalDate last = today.plusDays(730);
      mondaysUpTo(dates(ok(api().get("/api/v1/officials/" + OFFICIAL + "/days" + range(today, last)))), today, last);
      mondaysUpTo(dates(ok(c.as(ADMIN).get("/api/v1/staff/departments/" + DEPARTMENT + "/days" + range(today, last)))), today,
          last);
      // one day more than the horizon: refused, naming the limit
      JsonNode problem = assertProblem(api().get("/api/v1/officials/" + OFFICIAL + "/days" + range(today, last.plusDays(1))),
          400, "invalid-input", "to");
      assertThat(problem.path("detail").asText()).contains("731").contains("horizon");
      assertProblem(c.as(ADMIN).get("/api/v1/staff/officials/" + OFFICIAL + "/days" + range(today, last.plusDays(1))),
          400, "invalid-input", "to");
      // lists of slots stay narrow
      assertProblem(api().get("/api/v1/officials/" + OFFICIAL + "/slots" + range(today, today.plusDays(93))),
          400, "invalid-input", "to");
    } finally {
      office(365);
    }
  }

  @Test
  void aRangeAfterTheHorizonHasNoFreeDays() {
    office(365);
    LocalDate today = today();
    JsonNode days = ok(api().get("/api/v1/officials/" + OFFICIAL + "/days"
        + range(today.plusDays(300), today.plusDays(400))));
    assertThat(dates(days)).allMatch(d -> !LocalDate.parse(d).isAfter(today.plusDays(365))).isNotEmpty();
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }
}
