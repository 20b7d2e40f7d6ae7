/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.CIVIL;
import static org.civicdiary.web.contract.TestOffice.DVORAK;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_NOVAK;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_SVOBODA;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.PASSPORT;
import static org.civicdiary.web.contract.TestOffice.RECEPTION;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Every staff endpoint, called anonymously (401), by each role, and by an official about another
 * official's diary (403, and nothing changed). The subject of every call is novak's diary; svoboda
 * is "another official". Week 7 is this part's.
 */
abstract class RoleMatrixPart extends ContractPart {
  /** Who calls. */
  enum Who {
    ANONYMOUS(null),
    ADMIN_ROLE(ADMIN),
    OPERATOR_ROLE(OPERATOR),
    OWN_OFFICIAL(OFFICIAL_NOVAK),
    OTHER_OFFICIAL(OFFICIAL_SVOBODA),
    RECEPTION_ROLE(RECEPTION);

    final String username;

    Who(String username) {
      this.username = username;
    }
  }

  private static final Set<Who> EVERYONE = EnumSet.of(Who.ADMIN_ROLE, Who.OPERATOR_ROLE, Who.OWN_OFFICIAL, Who.OTHER_OFFICIAL,
      Who.RECEPTION_ROLE);
  /** Every role but the reception, which sees today's list and nothing else of the office. */
  private static final Set<Who> STAFF = EnumSet.of(Who.ADMIN_ROLE, Who.OPERATOR_ROLE, Who.OWN_OFFICIAL, Who.OTHER_OFFICIAL);
  private static final Set<Who> FRONT_DESK = EnumSet.of(Who.ADMIN_ROLE, Who.OPERATOR_ROLE, Who.RECEPTION_ROLE);
  private static final Set<Who> DIARY = EnumSet.of(Who.ADMIN_ROLE, Who.OPERATOR_ROLE, Who.OWN_OFFICIAL);
  private static final Set<Who> OFFICE = EnumSet.of(Who.ADMIN_ROLE, Who.OPERATOR_ROLE);
  private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN_ROLE);

  RoleMatrixPart(HttpApiContract contract) {
    super(contract);
  }

  /** A call to make: path (with query) and body (null for none). */
  record Call(String path, Object body) {}

  /**
   * One endpoint. {@code succeeds} false means an allowed caller may still be refused for another
   * reason (a meeting not yet begun, a message that does not exist), never with 401 or 403.
   */
  record Row(String method, String template, Set<Who> allowed, boolean succeeds, Function<Who, Call> call) {}

  private Instant nextSlot() {
    int n = c.next();
    return slot(7, n / 8, n % 8);
  }

  private String reservation() {
    return c.book(NOVAK, ID_CARD, nextSlot()).path("reservation").path("id").asText();
  }

  private String absence(int hour) {
    Instant saturday = slot(7, 5, 0).minus(Duration.ofHours(16)).plus(Duration.ofHours(hour));
    Response r = c.as(ADMIN).post("/api/v1/staff/officials/" + NOVAK + "/absences", Map.of(
        "start", saturday.toString(), "end", saturday.plus(Duration.ofMinutes(30)).toString(), "kind", "BLOCK"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("absence").path("id").asText();
  }

  private static String closureDate(int n) {
    return java.time.LocalDate.of(2028, 1, 3).plusDays(n).toString();
  }

  /** A closure day of the whole office, made by the administrator; its id. */
  private String closureDay(String date) {
    Response r = c.as(ADMIN).post("/api/v1/staff/offices/p6/closure-days", Map.of("date", date));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("closureDay").path("id").asText();
  }

  private String webhook(Map<String, Object> body) {
    Response r = c.as(ADMIN).post("/api/v1/staff/webhooks", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("endpoint").path("id").asText();
  }

  /** A caller by phone waiting for novak's time on the day. */
  private static Map<String, Object> caller(String day) {
    return Map.of("official", NOVAK, "agenda", ID_CARD, "firstDay", day, "lastDay", day, "name", "Caller",
        "phone", "+420 777 123 456", "topic", "ID card");
  }

  /** A waiting entry for novak, added by an operator; its id. */
  private String waitingEntry(String day) {
    Response r = c.as(OPERATOR).post("/api/v1/staff/waiting-list", caller(day));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private static ObjectNode without(JsonNode node, String... fields) {
    ObjectNode copy = node.deepCopy();
    for (String f : fields) {
      copy.remove(f);
    }
    return copy;
  }

  private List<Row> rows() {
    String shared = reservation();
    String from = TestOffice.day(7, 0).toString();
    String to = TestOffice.day(7, 6).toString();
    JsonNode office = c.as(ADMIN).get("/api/v1/staff/offices").json().path("offices").get(0);
    JsonNode departments = c.as(ADMIN).get("/api/v1/staff/departments").json().path("departments");
    JsonNode civil = null;
    for (JsonNode d : departments) {
      if (d.path("id").asText().equals(CIVIL)) {
        civil = d;
      }
    }
    JsonNode dvorak = null;
    JsonNode passport = null;
    for (JsonNode o : civil.path("officials")) {
      if (o.path("id").asText().equals(DVORAK)) {
        dvorak = o;
      }
    }
    for (JsonNode a : civil.path("agendas")) {
      if (a.path("id").asText().equals(PASSPORT)) {
        passport = a;
      }
    }
    JsonNode windows = c.as(ADMIN).get("/api/v1/staff/officials/" + NOVAK + "/windows").json().path("windows");
    ObjectNode department = without(civil, "id", "walkInHours", "officials", "agendas");
    ObjectNode official = without(dvorak, "id");
    ObjectNode agenda = without(passport, "id");
    agenda.put("department", CIVIL);
    JsonNode hours = civil.path("walkInHours");
    AtomicInteger hour = new AtomicInteger(8);
    String v1 = "/api/v1/staff";
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("GET", v1 + "/me", EVERYONE, true, w -> new Call(v1 + "/me", null)));
    rows.add(new Row("POST", v1 + "/logout", EVERYONE, true, w -> new Call(v1 + "/logout", null)));
    rows.add(new Row("GET", v1 + "/sessions", EVERYONE, true, w -> new Call(v1 + "/sessions", null)));
    rows.add(new Row("POST", v1 + "/sessions/{id}/end", EVERYONE, false, w -> new Call(v1 + "/sessions/nobodys/end", null)));
    // The present password wrong: refused (400) for whoever asks, and nothing changes.
    rows.add(new Row("POST", v1 + "/password", EVERYONE, false, w -> new Call(v1 + "/password",
        Map.of("currentPassword", "not the password", "newPassword", "violet tractor hums quietly at dawn"))));
    rows.add(new Row("POST", v1 + "/accounts/{username}/sessions/end", ADMINS, true,
        w -> new Call(v1 + "/accounts/matrix.nobody/sessions/end", null)));
    // Enrolment started is harmless (nothing is asked until confirmed); confirming and disabling
    // without a code are refused before any code is checked, so no login delay is charged.
    rows.add(new Row("GET", v1 + "/second-factor", EVERYONE, true, w -> new Call(v1 + "/second-factor", null)));
    rows.add(new Row("POST", v1 + "/second-factor", EVERYONE, true, w -> new Call(v1 + "/second-factor", null)));
    rows.add(new Row("POST", v1 + "/second-factor/confirm", EVERYONE, false,
        w -> new Call(v1 + "/second-factor/confirm", Map.of())));
    rows.add(new Row("POST", v1 + "/second-factor/disable", EVERYONE, false,
        w -> new Call(v1 + "/second-factor/disable", Map.of())));
    rows.add(new Row("POST", v1 + "/accounts/{username}/second-factor/reset", ADMINS, false,
        w -> new Call(v1 + "/accounts/matrix.nobody/second-factor/reset", null)));
    rows.add(new Row("GET", v1 + "/worklist", OFFICE, true, w -> new Call(v1 + "/worklist", null)));
    rows.add(new Row("POST", v1 + "/messages/{id}/retry", OFFICE, false,
        w -> new Call(v1 + "/messages/" + UUID.randomUUID() + "/retry", null)));
    rows.add(new Row("GET", v1 + "/reservations", STAFF, true, w -> new Call(v1 + "/reservations?official=" + NOVAK, null)));
    rows.add(new Row("POST", v1 + "/reservations", DIARY, true, w -> {
      Map<String, Object> body = HttpApiContract.booking(NOVAK, ID_CARD, nextSlot(), null);
      body.remove("email");
      body.remove("language");
      return new Call(v1 + "/reservations", body);
    }));
    rows.add(new Row("GET", v1 + "/reservations/{id}", DIARY, true, w -> new Call(v1 + "/reservations/" + shared, null)));
    rows.add(new Row("POST", v1 + "/reservations/{id}/move", DIARY, true, w -> new Call(
        v1 + "/reservations/" + reservation() + "/move", Map.of("official", NOVAK, "start", nextSlot().toString(), "note", "moved"))));
    rows.add(new Row("POST", v1 + "/reservations/{id}/cancel", DIARY, true, w -> new Call(
        v1 + "/reservations/" + reservation() + "/cancel", Map.of("note", "cancelled by the office"))));
    rows.add(new Row("POST", v1 + "/reservations/{id}/outcome", DIARY, false, w -> new Call(
        v1 + "/reservations/" + shared + "/outcome", Map.of("status", "COMPLETED"))));
    // The operators' own notes on a reservation: the office's operators and administrators only.
    rows.add(new Row("GET", v1 + "/reservations/{id}/work-notes", OFFICE, true,
        w -> new Call(v1 + "/reservations/" + shared + "/work-notes", null)));
    rows.add(new Row("POST", v1 + "/reservations/{id}/work-notes", OFFICE, true, w -> new Call(
        v1 + "/reservations/" + shared + "/work-notes", Map.of("kind", "CONTACT_ATTEMPT", "body", "called, no answer"))));
    // The calendar feed: only the official makes theirs; they or an administrator see and revoke it.
    Set<Who> ownOrAdmin = EnumSet.of(Who.ADMIN_ROLE, Who.OWN_OFFICIAL);
    rows.add(new Row("GET", v1 + "/officials/{id}/feed", ownOrAdmin, true,
        w -> new Call(v1 + "/officials/" + NOVAK + "/feed", null)));
    rows.add(new Row("POST", v1 + "/officials/{id}/feed", EnumSet.of(Who.OWN_OFFICIAL), true,
        w -> new Call(v1 + "/officials/" + NOVAK + "/feed", null)));
    rows.add(new Row("DELETE", v1 + "/officials/{id}/feed", ownOrAdmin, true, w -> {
      Response made = c.as(OFFICIAL_NOVAK).post(v1 + "/officials/" + NOVAK + "/feed", null);
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      return new Call(v1 + "/officials/" + NOVAK + "/feed", null);
    }));
    // The busy feed: the official or an administrator sets and clears it; operators see its status too.
    rows.add(new Row("GET", v1 + "/officials/{id}/busy-feed", EnumSet.of(Who.ADMIN_ROLE, Who.OWN_OFFICIAL,
        Who.OPERATOR_ROLE), true, w -> new Call(v1 + "/officials/" + NOVAK + "/busy-feed", null)));
    rows.add(new Row("PUT", v1 + "/officials/{id}/busy-feed", ownOrAdmin, true, w -> new Call(
        v1 + "/officials/" + NOVAK + "/busy-feed", Map.of("url", "https://calendar.example/" + w.name() + ".ics"))));
    rows.add(new Row("DELETE", v1 + "/officials/{id}/busy-feed", ownOrAdmin, true, w -> {
      Response set = c.as(OFFICIAL_NOVAK).put(v1 + "/officials/" + NOVAK + "/busy-feed",
          Map.of("url", "https://calendar.example/matrix.ics"));
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      return new Call(v1 + "/officials/" + NOVAK + "/busy-feed", null);
    }));
    rows.add(new Row("POST", v1 + "/busy-conflicts/{id}/dismiss", OFFICE, false,
        w -> new Call(v1 + "/busy-conflicts/" + UUID.randomUUID() + "/dismiss", null)));
    rows.add(new Row("GET", v1 + "/officials/{id}/day-plan", DIARY, true,
        w -> new Call(v1 + "/officials/" + NOVAK + "/day-plan?date=" + from, null)));
    rows.add(new Row("GET", v1 + "/officials/{id}/absences", DIARY, true, w -> new Call(
        v1 + "/officials/" + NOVAK + "/absences?from=" + slot(7, 0, 0) + "&to=" + slot(7, 6, 0), null)));
    rows.add(new Row("POST", v1 + "/officials/{id}/absences", DIARY, true, w -> {
      Instant saturday = slot(7, 5, 0).minus(Duration.ofHours(16)).plus(Duration.ofHours(hour.getAndIncrement()));
      return new Call(v1 + "/officials/" + NOVAK + "/absences", Map.of("start", saturday.toString(),
          "end", saturday.plus(Duration.ofMinutes(30)).toString(), "kind", "TRAINING"));
    }));
    rows.add(new Row("DELETE", v1 + "/absences/{id}", DIARY, true,
        w -> new Call(v1 + "/absences/" + absence(hour.getAndIncrement()), null)));
    rows.add(new Row("GET", v1 + "/absences/{id}/displaced", DIARY, true,
        w -> new Call(v1 + "/absences/" + absence(hour.getAndIncrement()) + "/displaced", null)));
    rows.add(new Row("GET", v1 + "/officials/{id}/windows", DIARY, true, w -> new Call(v1 + "/officials/" + NOVAK + "/windows", null)));
    rows.add(new Row("GET", v1 + "/officials/{id}/slots", DIARY, true, w -> new Call(
        v1 + "/officials/" + NOVAK + "/slots?agenda=" + ID_CARD + "&from=" + from, null)));
    rows.add(new Row("GET", v1 + "/departments/{id}/slots", OFFICE, true, w -> new Call(
        v1 + "/departments/" + CIVIL + "/slots?agenda=" + ID_CARD + "&from=" + from, null)));
    rows.add(new Row("GET", v1 + "/officials/{id}/days", DIARY, true, w -> new Call(
        v1 + "/officials/" + NOVAK + "/days?agenda=" + ID_CARD + "&from=" + from + "&to=" + TestOffice.day(7, 0).plusDays(92), null)));
    rows.add(new Row("GET", v1 + "/departments/{id}/days", OFFICE, true, w -> new Call(
        v1 + "/departments/" + CIVIL + "/days?agenda=" + ID_CARD + "&from=" + from + "&to=" + TestOffice.day(7, 0).plusDays(92), null)));
    rows.add(new Row("PUT", v1 + "/officials/{id}/windows", ADMINS, true,
        w -> new Call(v1 + "/officials/" + NOVAK + "/windows", Map.of("windows", windows))));
    rows.add(new Row("PUT", v1 + "/departments/{id}/walk-in-hours", ADMINS, true,
        w -> new Call(v1 + "/departments/" + CIVIL + "/walk-in-hours", Map.of("hours", hours))));
    rows.add(new Row("GET", v1 + "/offices", STAFF, true, w -> new Call(v1 + "/offices", null)));
    rows.add(new Row("GET", v1 + "/holiday-calendars", STAFF, true, w -> new Call(v1 + "/holiday-calendars", null)));
    rows.add(new Row("PUT", v1 + "/offices/{id}", ADMINS, true, w -> new Call(v1 + "/offices/p6", without(office, "id"))));
    // Closure days in 2028, which no other part books.
    AtomicInteger closed = new AtomicInteger();
    rows.add(new Row("GET", v1 + "/offices/{id}/closure-days", ADMINS, true,
        w -> new Call(v1 + "/offices/p6/closure-days?from=2028-01-01&to=2028-12-31", null)));
    rows.add(new Row("POST", v1 + "/offices/{id}/closure-days", ADMINS, true, w -> new Call(
        v1 + "/offices/p6/closure-days", Map.of("date", closureDate(closed.incrementAndGet()), "reason", "matrix"))));
    rows.add(new Row("DELETE", v1 + "/closure-days/{id}", ADMINS, true,
        w -> new Call(v1 + "/closure-days/" + closureDay(closureDate(100 + closed.incrementAndGet())), null)));
    rows.add(new Row("GET", v1 + "/departments", STAFF, true, w -> new Call(v1 + "/departments", null)));
    rows.add(new Row("PUT", v1 + "/departments/{id}", ADMINS, true, w -> new Call(v1 + "/departments/" + CIVIL, department)));
    rows.add(new Row("PUT", v1 + "/officials/{id}", ADMINS, true, w -> new Call(v1 + "/officials/" + DVORAK, official)));
    rows.add(new Row("PUT", v1 + "/agendas/{id}", ADMINS, true, w -> new Call(v1 + "/agendas/" + PASSPORT, agenda)));
    rows.add(new Row("GET", v1 + "/officials/{id}/deputies", ADMINS, true,
        w -> new Call(v1 + "/officials/" + DVORAK + "/deputies", null)));
    // An empty list: the shared officials' proposals stay as the other parts expect them.
    rows.add(new Row("PUT", v1 + "/officials/{id}/deputies/{agenda}", ADMINS, true,
        w -> new Call(v1 + "/officials/" + DVORAK + "/deputies/" + ID_CARD, Map.of("deputies", List.of()))));
    rows.add(new Row("GET", v1 + "/accounts", ADMINS, true, w -> new Call(v1 + "/accounts", null)));
    rows.add(new Row("PUT", v1 + "/accounts/{username}", ADMINS, true, w -> new Call(v1 + "/accounts/matrix." + w.name().toLowerCase(),
        Map.of("role", "OPERATOR", "active", false, "password", "matrix password 123"))));
    rows.add(new Row("GET", v1 + "/api-keys", ADMINS, true, w -> new Call(v1 + "/api-keys", null)));
    rows.add(new Row("POST", v1 + "/api-keys", ADMINS, true, w -> new Call(v1 + "/api-keys", Map.of("name", "matrix"))));
    rows.add(new Row("POST", v1 + "/api-keys/{id}/revoke", ADMINS, true, w -> new Call(v1 + "/api-keys/"
        + c.as(ADMIN).post(v1 + "/api-keys", Map.of("name", "to revoke")).json().path("key").path("id").asText()
        + "/revoke", null)));
    rows.add(new Row("GET", v1 + "/audit", ADMINS, true, w -> new Call(v1 + "/audit?limit=5", null)));
    rows.add(new Row("GET", v1 + "/directory", ADMINS, true, w -> new Call(v1 + "/directory", null)));
    // The directory as it is now: importing it changes nothing, whoever may or may not.
    rows.add(new Row("PUT", v1 + "/directory", ADMINS, true,
        w -> new Call(v1 + "/directory", c.as(ADMIN).get(v1 + "/directory").json())));
    rows.add(new Row("GET", v1 + "/statistics", OFFICE, true, w -> new Call(v1 + "/statistics?from=" + from + "&to=" + to, null)));
    Map<String, Object> hook = Map.of("url", "https://crm.example.cz/hooks", "events", List.of("reservation.created"));
    String webhook = webhook(hook);
    rows.add(new Row("GET", v1 + "/webhooks", ADMINS, true, w -> new Call(v1 + "/webhooks", null)));
    rows.add(new Row("POST", v1 + "/webhooks", ADMINS, true, w -> new Call(v1 + "/webhooks", hook)));
    rows.add(new Row("GET", v1 + "/webhooks/{id}", ADMINS, true, w -> new Call(v1 + "/webhooks/" + webhook, null)));
    rows.add(new Row("PUT", v1 + "/webhooks/{id}", ADMINS, true, w -> new Call(v1 + "/webhooks/" + webhook, hook)));
    rows.add(new Row("DELETE", v1 + "/webhooks/{id}", ADMINS, true, w -> new Call(v1 + "/webhooks/" + webhook(hook), null)));
    rows.add(new Row("POST", v1 + "/webhooks/{id}/rotate-secret", ADMINS, true,
        w -> new Call(v1 + "/webhooks/" + webhook + "/rotate-secret?graceHours=1", null)));
    rows.add(new Row("GET", v1 + "/webhooks/{id}/deliveries", ADMINS, true,
        w -> new Call(v1 + "/webhooks/" + webhook + "/deliveries?limit=5", null)));
    rows.add(new Row("POST", v1 + "/webhooks/{id}/deliveries/{number}/retry", ADMINS, false,
        w -> new Call(v1 + "/webhooks/" + webhook + "/deliveries/" + Long.MAX_VALUE + "/retry", null)));
    rows.add(new Row("GET", v1 + "/waiting-list", DIARY, true,
        w -> new Call(v1 + "/waiting-list?department=" + CIVIL + "&official=" + NOVAK, null)));
    rows.add(new Row("POST", v1 + "/waiting-list", DIARY, true, w -> new Call(v1 + "/waiting-list", caller(from))));
    rows.add(new Row("POST", v1 + "/waiting-list/{id}/take", DIARY, false,
        w -> new Call(v1 + "/waiting-list/" + waitingEntry(from) + "/take", null)));
    rows.add(new Row("POST", v1 + "/waiting-list/{id}/decline", DIARY, false,
        w -> new Call(v1 + "/waiting-list/" + waitingEntry(from) + "/decline", null)));
    rows.add(new Row("POST", v1 + "/waiting-list/{id}/withdraw", DIARY, true,
        w -> new Call(v1 + "/waiting-list/" + waitingEntry(from) + "/withdraw", null)));
    // Check-in: the reception, operators and administrators; a code nobody has is not found.
    rows.add(new Row("GET", v1 + "/reception/today", FRONT_DESK, true, w -> new Call(v1 + "/reception/today", null)));
    rows.add(new Row("POST", v1 + "/reception/check-in", FRONT_DESK, false,
        w -> new Call(v1 + "/reception/check-in", Map.of("code", "3333333"))));
    // A meeting's start and end: the diary's official, operators and administrators; not checked in, so refused (409).
    rows.add(new Row("POST", v1 + "/reservations/{id}/start", DIARY, false,
        w -> new Call(v1 + "/reservations/" + shared + "/start", null)));
    rows.add(new Row("POST", v1 + "/reservations/{id}/end", DIARY, false,
        w -> new Call(v1 + "/reservations/" + shared + "/end", null)));
    return rows;
  }

  @Test
  void everyStaffEndpointAnswersAnonymousCallersEachRoleAndAnotherOfficialAsItShould() {
    for (Row row : rows()) {
      for (Who who : Who.values()) {
        Call call = row.call().apply(who);
        ApiClient client = who == Who.ANONYMOUS ? api()
            : row.template().endsWith("/logout") ? api().bearer(c.login(who.username)) : c.as(who.username);
        int auditBefore = c.auditSize();
        Response r = client.send(row.method(), call.path(), call.body() == null ? null : ApiClient.write(call.body()),
            call.body() == null ? null : "application/json");
        String what = who + " " + row.method() + " " + call.path() + " -> " + r;
        if (who == Who.ANONYMOUS) {
          assertThat(r.status()).as(what).isEqualTo(401);
          assertThat(r.json().path("code").asText()).isEqualTo("unauthenticated");
        } else if (row.allowed().contains(who)) {
          if (row.succeeds()) {
            assertThat(r.status()).as(what).isBetween(200, 299);
          } else {
            assertThat(r.status()).as(what).isNotIn(401, 403).isBetween(400, 499);
          }
        } else {
          assertThat(r.status()).as(what).isEqualTo(403);
          assertThat(r.json().path("code").asText()).as(what).isEqualTo("not-permitted");
          assertThat(c.auditSize()).as("nothing changed: " + what).isEqualTo(auditBefore);
        }
      }
    }
  }

  /** Rows about the caller's own sign-in, which name nothing of an office. */
  private static boolean ownSignIn(String template) {
    return List.of("/me", "/logout", "/sessions", "/sessions/{id}/end", "/password", "/second-factor",
        "/second-factor/confirm", "/second-factor/disable").contains(template.substring("/api/v1/staff".length()));
  }

  /** What of Prague 6 (office A) no caller of Roztoky may see, as JSON strings. */
  private static final List<String> OFFICE_A = List.of("p6", CIVIL, TestOffice.TRADE, NOVAK, DVORAK, TestOffice.SVOBODA,
      TestOffice.CERNA, ADMIN, OPERATOR, OFFICIAL_NOVAK);

  /**
   * Every staff endpoint, called by an administrator and an operator of the second office about
   * Prague 6's resources: another office's resource is not there (404, or 403 where their role may
   * not call the endpoint at all), lists show nothing of Prague 6, and nothing changes.
   */
  @Test
  void staffOfAnotherOfficeFindNothingOfThisOneAndChangeNothing() {
    SecondOffice.ensure(c);
    for (Row row : rows()) {
      if (ownSignIn(row.template())) {
        continue;
      }
      for (String caller : List.of(SecondOffice.ADMIN_B, SecondOffice.OPERATOR_B)) {
        Call call = row.call().apply(caller.equals(SecondOffice.ADMIN_B) ? Who.ADMIN_ROLE : Who.OPERATOR_ROLE);
        // Accounts named by the rows are made up; here they name an account of Prague 6.
        String path = call.path().replace("matrix.nobody", OPERATOR).replaceAll("/accounts/matrix\\.[a-z_]+", "/accounts/" + OPERATOR);
        int auditBefore = c.auditSize();
        Response r = c.as(caller).send(row.method(), path, call.body() == null ? null : ApiClient.write(call.body()),
            call.body() == null ? null : "application/json");
        String what = caller + " " + row.method() + " " + path + " -> " + r;
        if (r.status() >= 200 && r.status() < 300) {
          assertThat(row.method()).as("only a list may answer: " + what).isEqualTo("GET");
          assertThat(row.template()).as(what).doesNotContain("{");
          for (String a : OFFICE_A) {
            assertThat(r.body()).as(what).doesNotContain("\"" + a + "\"");
          }
        } else if (r.status() == 403) {
          assertThat(r.json().path("code").asText()).as(what).isEqualTo("not-permitted");
        } else {
          assertThat(r.status()).as(what).isEqualTo(404);
          assertThat(r.json().path("code").asText()).as(what).isEqualTo("not-found");
        }
        assertThat(c.auditSize()).as("nothing changed: " + what).isEqualTo(auditBefore);
      }
    }
  }

  private static List<String> ids(Response r, String list) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().path(list).forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  /** The other side of the same coin: each acts in their own office, the deployment's administrator in both. */
  @Test
  void staffOfAnOfficeActInItAndTheDeploymentsAdministratorInEvery() {
    SecondOffice.ensure(c);
    String v1 = "/api/v1/staff";
    ApiClient adminB = c.as(SecondOffice.ADMIN_B);
    assertThat(adminB.get(v1 + "/me").json().path("office").asText()).isEqualTo(SecondOffice.OFFICE);
    assertThat(c.as(ADMIN).get(v1 + "/me").json().path("office").isNull()).as("the deployment's administrator").isTrue();
    assertThat(ids(adminB.get(v1 + "/offices"), "offices")).containsExactly(SecondOffice.OFFICE);
    assertThat(ids(adminB.get(v1 + "/departments"), "departments")).containsExactly(SecondOffice.REGISTRY);
    assertThat(ids(c.as(SecondOffice.OPERATOR_B).get(v1 + "/departments"), "departments"))
        .containsExactly(SecondOffice.REGISTRY);
    SecondOffice.ok(adminB.put(v1 + "/officials/" + SecondOffice.KRAL, Map.of("department", SecondOffice.REGISTRY,
        "name", "Josef Král", "active", true)));
    SecondOffice.ok(adminB.get(v1 + "/officials/" + SecondOffice.KRAL + "/windows"));

    // Nothing of an office of their own making, nor in Prague 6 by naming it in the body.
    int auditBefore = c.auditSize();
    JsonNode office = c.as(ADMIN).get(v1 + "/offices").json().path("offices").get(0);
    assertThat(adminB.put(v1 + "/offices/matrix-new", without(office, "id")).status()).isEqualTo(404);
    assertThat(adminB.put(v1 + "/departments/matrix-new", Map.of("office", "p6", "name", Map.of("cs", "Nový", "en", "New"),
        "place", Map.of("name", "Radnice", "address", "Čs. armády 23"))).status()).isEqualTo(404);
    assertThat(adminB.put(v1 + "/accounts/matrix.new", Map.of("role", "OPERATOR", "active", true, "office", "p6",
        "password", "matrix password 123")).status()).isEqualTo(404);
    assertThat(adminB.put(v1 + "/officials/matrix-new", Map.of("department", CIVIL, "name", "Nový", "active", true))
        .status()).isEqualTo(404);
    assertThat(c.auditSize()).isEqualTo(auditBefore);

    ApiClient deployment = c.as(ADMIN);
    assertThat(ids(deployment.get(v1 + "/offices"), "offices")).contains("p6", SecondOffice.OFFICE);
    assertThat(ids(deployment.get(v1 + "/departments"), "departments")).contains(CIVIL, SecondOffice.REGISTRY);
    assertThat(ids(deployment.get(v1 + "/departments?office=" + SecondOffice.OFFICE), "departments"))
        .containsExactly(SecondOffice.REGISTRY);
    assertThat(ids(deployment.get(v1 + "/departments?office=p6"), "departments")).contains(CIVIL)
        .doesNotContain(SecondOffice.REGISTRY);
    SecondOffice.ok(deployment.put(v1 + "/officials/" + SecondOffice.KRAL, Map.of("department", SecondOffice.REGISTRY,
        "name", "Josef Král", "active", true)));
    SecondOffice.ok(deployment.put(v1 + "/accounts/matrix.prague", Map.of("role", "OPERATOR", "active", false,
        "office", "p6", "password", "matrix password 123")));
    List<String> accounts = new ArrayList<>();
    deployment.get(v1 + "/accounts?office=" + SecondOffice.OFFICE).json().path("accounts")
        .forEach(a -> accounts.add(a.path("username").asText()));
    assertThat(accounts).contains(SecondOffice.ADMIN_B, SecondOffice.OPERATOR_B, ADMIN)
        .as("Prague 6's accounts").doesNotContain("matrix.prague");
  }

  @Test
  void theMatrixCoversEveryStaffEndpointOfTheApiDocument() {
    Set<String> documented = new TreeSet<>();
    JsonNode paths = api().get("/api/v1/openapi.json").json().path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (path.getKey().startsWith("/api/v1/staff/") && !path.getKey().startsWith("/api/v1/staff/login")) {
        path.getValue().fieldNames().forEachRemaining(m -> {
          if (!m.equals("parameters")) {
            documented.add(m.toUpperCase() + " " + path.getKey());
          }
        });
      }
    }
    Set<String> covered = new TreeSet<>();
    for (Row row : rows()) {
      covered.add(row.method() + " " + row.template());
    }
    assertThat(covered).isEqualTo(documented);
    assertThat(covered).hasSizeGreaterThan(25);
  }
}
