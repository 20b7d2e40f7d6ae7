/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
 * Channel quotas over HTTP: the public free time leaves out the phone share of a window, staff free
 * time shows it marked, a web booking of it is a problem until the release and the statistics count
 * its use. The part keeps to a department of its own ("quotas"), whose official nobody else books;
 * each test takes its own Friday of that official's diary.
 */
abstract class ChannelQuotasPart extends ContractPart {
  static final String QUOTAS = "quotas";
  static final String KVOTA = "kvota";
  static final String PERMIT = "parking-permit";

  ChannelQuotasPart(HttpApiContract contract) {
    super(contract);
  }

  /** The department, its official with a Friday window 16:00-17:00 keeping two of four slots for the phone. */
  private void quotas() {
    department(QUOTAS, "Odbor dopravy", "Transport", KVOTA);
    ApiClient admin = c.as(ADMIN);
    JsonNode windows = ok(admin.put("/api/v1/staff/officials/" + KVOTA + "/windows", Map.of("windows", List.of(
        Map.of("day", "FRIDAY", "start", "16:00", "end", "17:00", "validFrom", "2027-01-01", "phoneSlots", 2)))));
    assertThat(windows.path("displaced").size()).isZero();
    Map<String, Object> agenda = new LinkedHashMap<>();
    agenda.put("department", QUOTAS);
    agenda.put("name", Map.of("cs", "Parkovací karta", "en", "Parking permit"));
    agenda.put("slots", 1);
    agenda.put("officials", List.of(KVOTA));
    ok(admin.put("/api/v1/staff/agendas/" + PERMIT, agenda));
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static Instant at(LocalDate friday, int slot) {
    return friday.atTime(LocalTime.of(16, 0).plusMinutes(15L * slot)).atZone(TestOffice.PRAGUE).toInstant();
  }

  private List<String> publicStarts(LocalDate friday) {
    return starts(ok(api().get("/api/v1/officials/" + KVOTA + "/slots?agenda=" + PERMIT + "&from=" + friday)));
  }

  private static List<String> starts(JsonNode answer) {
    List<String> starts = new ArrayList<>();
    answer.path("slots").forEach(s -> starts.add(s.path("start").asText()));
    return starts;
  }

  private Response bookOnWeb(LocalDate friday, int slot) {
    return api().post("/api/v1/reservations", HttpApiContract.booking(KVOTA, PERMIT, at(friday, slot),
        HttpApiContract.email()));
  }

  @Test
  void publicFreeTimeLeavesOutThePhoneShareAndStaffSeeItMarked() {
    quotas();
    LocalDate friday = LocalDate.of(2027, 3, 12);

    assertThat(publicStarts(friday)).containsExactly(at(friday, 0).toString(), at(friday, 1).toString());
    JsonNode days = ok(api().get("/api/v1/officials/" + KVOTA + "/days?agenda=" + PERMIT + "&from=" + friday));
    assertThat(days.path("days").get(0).path("free").asInt()).isEqualTo(2);

    JsonNode staff = ok(c.as(OPERATOR).get("/api/v1/staff/officials/" + KVOTA + "/slots?agenda=" + PERMIT
        + "&from=" + friday));
    assertThat(starts(staff)).hasSize(4);
    List<Boolean> marked = new ArrayList<>();
    staff.path("slots").forEach(s -> marked.add(s.path("phoneShare").asBoolean()));
    assertThat(marked).containsExactly(false, false, true, true);
    // the department's staff view, for a caller who takes anyone: the same times, marked the same
    JsonNode department = ok(c.as(OPERATOR).get("/api/v1/staff/departments/" + QUOTAS + "/slots?agenda=" + PERMIT
        + "&from=" + friday));
    List<String> markedInDepartment = new ArrayList<>();
    department.path("slots").forEach(s -> markedInDepartment.add(s.path("official").asText() + " " + s.path("phoneShare").asBoolean()));
    assertThat(markedInDepartment).containsExactly(KVOTA + " false", KVOTA + " false", KVOTA + " true", KVOTA + " true");
    assertProblem(c.as(TestOffice.OFFICIAL_NOVAK).get("/api/v1/staff/departments/" + QUOTAS + "/slots?agenda=" + PERMIT
        + "&from=" + friday), 403, "not-permitted", null);
    assertProblem(api().get("/api/v1/staff/officials/" + KVOTA + "/slots?agenda=" + PERMIT + "&from=" + friday),
        401, "unauthenticated", null);
    assertProblem(c.as(OPERATOR).get("/api/v1/staff/officials/" + KVOTA + "/slots?from=" + friday),
        400, "invalid-input", "agenda");
  }

  @Test
  void aWebBookingOfThePhoneShareIsAProblemUntilTheReleaseAndStatisticsCountIt() {
    quotas();
    LocalDate friday = LocalDate.of(2027, 3, 19);
    Instant release = at(friday, 0).minus(Duration.ofHours(48));
    try {
      assertThat(bookOnWeb(friday, 0).status()).isEqualTo(201);
      assertThat(bookOnWeb(friday, 1).status()).isEqualTo(201);
      JsonNode refused = assertProblem(bookOnWeb(friday, 2), 422, "slot-not-bookable", "start");
      assertThat(refused.path("reason").asText()).isEqualTo("PHONE_SHARE");
      assertThat(c.reservationsAt(KVOTA, at(friday, 2))).isZero();
      assertThat(publicStarts(friday)).isEmpty();

      Map<String, Object> byPhone = HttpApiContract.booking(KVOTA, PERMIT, at(friday, 2), null);
      byPhone.remove("email");
      byPhone.remove("language");
      Response phoned = c.as(OPERATOR).post("/api/v1/staff/reservations", byPhone);
      assertThat(phoned.status()).as(phoned.body()).isEqualTo(201);

      c.clock.set(release.minusSeconds(1));
      assertProblem(bookOnWeb(friday, 3), 422, "slot-not-bookable", "start");
      c.clock.set(release);
      assertThat(bookOnWeb(friday, 3).status()).isEqualTo(201);

      ApiClient admin = api().bearer(c.login(ADMIN));
      JsonNode week = ok(admin.get("/api/v1/staff/statistics?from=" + friday.minusDays(4) + "&to=" + friday.plusDays(2)
          + "&department=" + QUOTAS)).path("weeks").get(0);
      assertThat(week.path("phoneShare").asLong()).isEqualTo(2);
      assertThat(week.path("phoneShareUsed").asLong()).isEqualTo(1);
      assertThat(week.path("phoneShareReleasedOnline").asLong()).isEqualTo(1);
      assertThat(week.path("web").asLong()).isEqualTo(3);
    } finally {
      c.resetClock();
    }
  }

  @Test
  void anOfficesReleaseLeadIsItsPolicyAndAPhoneShareBeyondTheWindowIsAProblem() {
    quotas();
    ApiClient admin = c.as(ADMIN);
    JsonNode office = ok(admin.get("/api/v1/staff/offices")).path("offices").get(0);
    assertThat(office.path("policy").path("phoneShareRelease").asText()).isEqualTo("PT48H");

    assertProblem(admin.put("/api/v1/staff/officials/" + KVOTA + "/windows", Map.of("windows", List.of(
        Map.of("day", "FRIDAY", "start", "16:00", "end", "17:00", "validFrom", "2027-01-01", "phoneSlots", 5)))),
        400, "invalid-input", "windows[0].phoneSlots");
    assertProblem(admin.put("/api/v1/staff/officials/" + KVOTA + "/windows", Map.of("windows", List.of(
        Map.of("day", "FRIDAY", "start", "16:00", "end", "17:00", "validFrom", "2027-01-01", "phoneSlots", 1,
            "phonePercent", 10)))), 400, "invalid-input", "windows[0].phonePercent");
    JsonNode kept = ok(admin.get("/api/v1/staff/officials/" + KVOTA + "/windows")).path("windows").get(0);
    assertThat(kept.path("phoneSlots").asInt()).isEqualTo(2);
    assertThat(kept.path("phonePercent").asInt()).isZero();

    // the directory document carries the share: exported, edited to a percentage, imported
    JsonNode document = ok(admin.get("/api/v1/staff/directory"));
    for (JsonNode department : document.path("departments")) {
      for (JsonNode official : department.path("officials")) {
        if (official.path("id").asText().equals(KVOTA)) {
          assertThat(official.path("windows").get(0).path("phoneSlots").asInt()).isEqualTo(2);
          ((com.fasterxml.jackson.databind.node.ObjectNode) official.path("windows").get(0)).putNull("phoneSlots")
              .put("phonePercent", 50);
        }
      }
    }
    ok(admin.put("/api/v1/staff/directory", document));
    JsonNode imported = ok(admin.get("/api/v1/staff/officials/" + KVOTA + "/windows")).path("windows").get(0);
    assertThat(imported.path("phoneSlots").asInt()).isZero();
    assertThat(imported.path("phonePercent").asInt()).isEqualTo(50);
  }
}
