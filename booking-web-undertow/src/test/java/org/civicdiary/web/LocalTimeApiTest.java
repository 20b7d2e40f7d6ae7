/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.DVORAK;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.TestOffice;
import org.civicdiary.web.contract.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dates and wall-clock times typed by staff, read by the server in the office's zone (Prague), at
 * the daylight-saving changes: the spring gap of 2027-03-28 (02:00 jumps to 03:00, at 01:00 UTC)
 * and the autumn overlap of 2026-10-25 (03:00 goes back to 02:00, at 01:00 UTC). Each test asserts
 * the instants stored. Dvořák receives on Sunday nights 00:00-04:00 here, so that meetings can lie
 * in the gap and the overlap.
 */
class LocalTimeApiTest {
  private static final Instant BEFORE_AUTUMN = Instant.parse("2026-10-20T08:00:00Z");
  private Storage storage;
  private MutableClock clock;
  private BookingServer server;
  private ApiClient api;

  /** A fresh storage and server for each test, so that none sees another's reservations. */
  @BeforeEach
  void start() {
    storage = InMemoryStorage.create();
    TestOffice.seed(storage);
    storage.transactions().run(() -> storage.diaries().replaceWindows(OfficialId.of(DVORAK),
        List.of(Window.weekly(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(4, 0), LocalDate.of(2026, 1, 1)))));
    clock = new MutableClock(BEFORE_AUTUMN);
    server = TestServers.start(storage, clock, Map.of());
    api = signedIn(OPERATOR);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ApiClient signedIn(String username) {
    ApiClient anonymous = new ApiClient(ApiClient.newHttpClient(), server.uri());
    Response r = anonymous.post("/api/v1/staff/login", Map.of("username", username, "password", TestOffice.PASSWORD, "bearer", true));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return anonymous.bearer(r.json().path("token").asText());
  }

  // ---------------------------------------------------------------- absences

  private Response absence(String official, Map<String, Object> times) {
    Map<String, Object> body = new LinkedHashMap<>(times);
    body.put("kind", "TRAINING");
    return api.post("/api/v1/staff/officials/" + official + "/absences", body);
  }

  private static Map<String, Object> local(String startDate, String startTime, String endDate, String endTime) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("startDate", startDate);
    body.put("startTime", startTime);
    body.put("endDate", endDate);
    body.put("endTime", endTime);
    return body;
  }

  private List<Absence> absences() {
    return storage.diaries().absences(List.of(OfficialId.of(NOVAK)), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  private void assertStored(Response r, String start, String end) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("absence").path("start").asText()).isEqualTo(start);
    assertThat(r.json().path("absence").path("end").asText()).isEqualTo(end);
    assertThat(absences()).singleElement().satisfies(a -> {
      assertThat(a.start()).isEqualTo(Instant.parse(start));
      assertThat(a.end()).isEqualTo(Instant.parse(end));
    });
  }

  @Test
  void anAbsenceTypedAcrossTheSpringGapLastsTheHourTheClocksShow() {
    // 01:30 CET to 03:30 CEST: two hours on the wall clock, one hour of real time
    assertStored(absence(NOVAK, local("2027-03-28", "01:30", "2027-03-28", "03:30")),
        "2027-03-28T00:30:00Z", "2027-03-28T01:30:00Z");
  }

  @Test
  void anAbsenceStartingInTheSpringGapStartsWhenTheClocksJump() {
    assertStored(absence(NOVAK, local("2027-03-28", "02:30", "2027-03-28", "04:00")),
        "2027-03-28T01:00:00Z", "2027-03-28T02:00:00Z");
  }

  @Test
  void anAbsenceTypedWhollyInsideTheSpringGapIsEmptyAndRefused() {
    // 02:00-03:00 are the same instant: the wall clock never shows a time between
    assertInvalid(absence(NOVAK, local("2027-03-28", "02:00", "2027-03-28", "03:00")), "end");
    assertInvalid(absence(NOVAK, local("2027-03-28", "02:15", "2027-03-28", "02:45")), "end");
    assertThat(absences()).isEmpty();
  }

  @Test
  void anAbsenceTypedAcrossTheAutumnOverlapCoversBothPasses() {
    // 02:00 the first time (CEST) to 03:00 (CET): two hours of real time
    assertStored(absence(NOVAK, local("2026-10-25", "02:00", "2026-10-25", "03:00")),
        "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z");
  }

  @Test
  void anAbsenceUntilATimeInTheAutumnOverlapLastsUntilItsSecondPass() {
    assertStored(absence(NOVAK, local("2026-10-25", "01:00", "2026-10-25", "02:30")),
        "2026-10-24T23:00:00Z", "2026-10-25T01:30:00Z");
  }

  @Test
  void anAbsenceGivenByDatesAloneRunsFromMidnightToMidnight() {
    Map<String, Object> days = new LinkedHashMap<>();
    days.put("startDate", "2027-03-27");
    days.put("endDate", "2027-03-29");
    assertStored(absence(NOVAK, days), "2027-03-26T23:00:00Z", "2027-03-28T22:00:00Z");
  }

  @Test
  void anAbsenceGivenAsInstantsIsStoredAsGiven() {
    assertStored(absence(NOVAK, Map.of("start", "2026-10-25T00:30:00Z", "end", "2026-10-25T01:30:00Z")),
        "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z");
  }

  @Test
  void theAbsenceListReadsItsDatesInTheOfficesZone() {
    assertThat(absence(NOVAK, local("2026-10-25", "01:00", "2026-10-25", "02:30")).status()).isEqualTo(201);
    String path = "/api/v1/staff/officials/" + NOVAK + "/absences";
    assertThat(api.get(path + "?fromDate=2026-10-25&toDate=2026-10-26").json().path("absences")).hasSize(1);
    // "from the second 02:30" would be after it ended; the first 02:30 is before
    assertThat(api.get(path + "?fromDate=2026-10-25&fromTime=02:30&toDate=2026-10-26").json().path("absences")).hasSize(1);
    assertThat(api.get(path + "?from=2026-10-25T01:30:00Z&toDate=2026-10-26").json().path("absences")).isEmpty();
    assertThat(api.get(path + "?fromDate=2026-10-24&toDate=2026-10-25").json().path("absences"))
        .as("to 2026-10-25 means to its midnight, when the absence had not begun").isEmpty();
  }

  // ---------------------------------------------------------------- bookings and moves

  private Response bookForCaller(Map<String, Object> start) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("official", DVORAK);
    body.put("agenda", ID_CARD);
    body.putAll(start);
    body.put("name", "Josef Volající");
    body.put("phone", "+420 602 000 111");
    body.put("topic", "ID card");
    return api.post("/api/v1/staff/reservations", body);
  }

  private static Map<String, Object> at(String date, String time) {
    return Map.of("startDate", date, "startTime", time);
  }

  private String bookedAt(Map<String, Object> start, String expected) {
    Response r = bookForCaller(start);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("reservation").path("start").asText()).isEqualTo(expected);
    assertThat(reservationsAt(Instant.parse(expected))).isEqualTo(1);
    return r.json().path("reservation").path("id").asText();
  }

  private long reservationsAt(Instant start) {
    return storage.reservations().ofOfficial(OfficialId.of(DVORAK), start, start.plusSeconds(60)).stream()
        .filter(r -> r.status().holdsSlots() && r.start().equals(start)).count();
  }

  @Test
  void aStaffBookingAtALocalTimeIsStoredAtItsInstant() {
    bookedAt(at("2026-10-25", "01:15"), "2026-10-24T23:15:00Z");
    bookedAt(at("2026-10-25", "03:15"), "2026-10-25T02:15:00Z");
  }

  @Test
  void aStaffBookingAtATimeThatExistsTwiceTakesTheFirst() {
    bookedAt(at("2026-10-25", "02:30"), "2026-10-25T00:30:00Z");
    // the second 02:30 is booked by its instant
    bookedAt(Map.of("start", "2026-10-25T01:30:00Z"), "2026-10-25T01:30:00Z");
  }

  @Test
  void aStaffBookingAtATimeTheClocksSkipIsRefusedNamingTheTime() {
    clock.set(Instant.parse("2027-03-20T08:00:00Z"));
    api = signedIn(OPERATOR);
    int before = storage.reservations().ofOfficial(OfficialId.of(DVORAK), Instant.EPOCH, Instant.MAX).size();
    JsonNode problem = assertInvalid(bookForCaller(at("2027-03-28", "02:30")), "startTime");
    assertThat(problem.path("detail").asText()).contains("02:00", "03:00");
    assertThat(storage.reservations().ofOfficial(OfficialId.of(DVORAK), Instant.EPOCH, Instant.MAX)).hasSize(before);
    bookedAt(at("2027-03-28", "03:00"), "2027-03-28T01:00:00Z");
  }

  @Test
  void aMoveToALocalTimeIsStoredAtItsInstant() {
    String id = bookedAt(at("2026-10-25", "00:15"), "2026-10-24T22:15:00Z");
    Response moved = api.post("/api/v1/staff/reservations/" + id + "/move",
        Map.of("official", DVORAK, "startDate", "2026-10-25", "startTime", "02:45", "note", "the caller asked"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().path("start").asText()).isEqualTo("2026-10-25T00:45:00Z");
    assertThat(reservationsAt(Instant.parse("2026-10-25T00:45:00Z"))).isEqualTo(1);
    assertThat(reservationsAt(Instant.parse("2026-10-24T22:15:00Z"))).isZero();
  }

  // ---------------------------------------------------------------- searches

  @Test
  void aSearchFromAndToATimeInTheAutumnOverlapCoversBothPasses() {
    // 02:15 and 02:45, each in summer time and again in winter time
    List<String> ids = new ArrayList<>();
    for (String start : List.of("2026-10-25T00:15:00Z", "2026-10-25T00:45:00Z", "2026-10-25T01:15:00Z", "2026-10-25T01:45:00Z")) {
      ids.add(bookedAt(Map.of("start", start), start));
    }
    // from the first 02:30 (00:30 UTC) to the second 02:30 (01:30 UTC)
    JsonNode found = api.get("/api/v1/staff/reservations?official=" + DVORAK
        + "&fromDate=2026-10-25&fromTime=02:30&toDate=2026-10-25&toTime=02:30").json().path("reservations");
    assertThat(starts(found)).containsExactly("2026-10-25T00:45:00Z", "2026-10-25T01:15:00Z");
    // without an official or a department: the zone all offices share
    JsonNode wholeDay = api.get("/api/v1/staff/reservations?fromDate=2026-10-25&toDate=2026-10-26").json().path("reservations");
    assertThat(starts(wholeDay)).containsExactly(
        "2026-10-25T00:15:00Z", "2026-10-25T00:45:00Z", "2026-10-25T01:15:00Z", "2026-10-25T01:45:00Z");
    JsonNode byDepartment = api.get("/api/v1/staff/reservations?department=" + TestOffice.CIVIL
        + "&fromDate=2026-10-25&fromTime=02:30&toDate=2026-10-25&toTime=02:30").json().path("reservations");
    assertThat(starts(byDepartment)).containsExactly("2026-10-25T00:45:00Z", "2026-10-25T01:15:00Z");
  }

  private static List<String> starts(JsonNode reservations) {
    List<String> starts = new ArrayList<>();
    reservations.forEach(r -> starts.add(r.path("start").asText()));
    return starts;
  }

  // ---------------------------------------------------------------- bad input changes nothing

  @Test
  void badLocalTimesAreRefusedNamingTheFieldAndChangeNothing() {
    int audited = storage.auditLog().latest(100_000).size();
    Map<String, Object> noDate = local(null, "02:30", "2026-10-26", "08:00");
    assertInvalid(absence(NOVAK, noDate), "startDate");
    assertInvalid(absence(NOVAK, local("2026-10-25", "25:00", "2026-10-26", "08:00")), "startTime");
    assertInvalid(absence(NOVAK, local("2026-10-25", "08:00", "25.10.2026", "09:00")), "endDate");
    Map<String, Object> both = local("2026-10-25", "08:00", "2026-10-26", "08:00");
    both.put("start", "2026-10-25T06:00:00Z");
    assertInvalid(absence(NOVAK, both), "start");
    assertInvalid(absence(NOVAK, Map.of("endDate", "2026-10-26")), "start");
    assertThat(absences()).isEmpty();

    assertInvalid(bookForCaller(Map.of("startDate", "2026-10-25")), "startTime");
    assertInvalid(bookForCaller(Map.of("startTime", "02:30")), "startDate");
    assertInvalid(bookForCaller(Map.of("start", "2026-10-25T00:30:00Z", "startDate", "2026-10-25", "startTime", "02:30")), "start");
    assertThat(storage.reservations().ofOfficial(OfficialId.of(DVORAK), Instant.EPOCH, Instant.MAX)).isEmpty();

    assertInvalid(api.get("/api/v1/staff/reservations?fromTime=02:30"), "fromDate");
    assertInvalid(api.get("/api/v1/staff/reservations?toDate=2026-10-25&toTime=2:3"), "toTime");
    assertInvalid(api.get("/api/v1/staff/reservations?from=2026-10-25T00:30:00Z&fromDate=2026-10-25"), "from");
    assertInvalid(api.get("/api/v1/staff/officials/" + NOVAK + "/absences?fromDate=2026-10-25"), "to");
    assertThat(storage.auditLog().latest(100_000)).hasSize(audited);
  }

  private static JsonNode assertInvalid(Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
    return r.json();
  }
}
