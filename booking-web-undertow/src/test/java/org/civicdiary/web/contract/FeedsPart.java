/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_NOVAK;
import static org.civicdiary.web.contract.TestOffice.OFFICIAL_SVOBODA;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.SVOBODA;
import static org.civicdiary.web.contract.TestOffice.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.usecase.Passwords;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * The official's private calendar feed over HTTP: made and revoked by whom it may be, read by
 * calendar programs (parsed here by ical4j and by Debian's python3-icalendar), cached with an ETag,
 * rate-limited per feed; citizens' names only where the official's office allows them. Week 8 is
 * this part's (and the official horak of a second office, Prague 7, that only this part adds).
 */
abstract class FeedsPart extends ContractPart {
  private static final String HORAK = "horak";
  private static final String HORAK_LOGIN = "horak.login";
  private static final String LONG_TOPIC = "Výměna občanského průkazu po svatbě, nové příjmení a také změna trvalého bydliště";

  FeedsPart(HttpApiContract contract) {
    super(contract);
  }

  private static String feedPath(String official) {
    return "/api/v1/staff/officials/" + official + "/feed";
  }

  /** Makes the official's feed as the official and returns its path under the mount. */
  private String create(String login, String official) {
    Response made = c.as(login).post(feedPath(official), null);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String url = made.json().path("url").asText();
    assertThat(url).startsWith("https://portal.example" + HttpApiContract.PREFIX + "/feeds/officials/").endsWith(".ics");
    return url.substring(("https://portal.example" + HttpApiContract.PREFIX).length());
  }

  private String bookWithTopic(Instant start, String topic) {
    Map<String, Object> body = HttpApiContract.booking(NOVAK, ID_CARD, start, HttpApiContract.email());
    body.put("topic", topic);
    Response r = api().post("/api/v1/reservations", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("reservation").path("id").asText();
  }

  private static ApiClient client(BookingServer server) {
    return new ApiClient(ApiClient.newHttpClient(), server.uri());
  }

  @Test
  void theOfficialMakesTheirFeedACalendarProgramReadsItAndBothParsersAgree() throws Exception {
    String active = bookWithTopic(slot(8, 1, 0), LONG_TOPIC);
    String cancelled = bookWithTopic(slot(8, 1, 1), "Krátké téma");
    Response cancel = c.as(OPERATOR).post("/api/v1/staff/reservations/" + cancelled + "/cancel", Map.of("note", "nemoc"));
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    BookingServer server = c.startServer(Map.of("civicdiary.feed.cache", "PT0S"));
    String path = create(OFFICIAL_NOVAK, NOVAK);

    Response feed = client(server).get(path);

    assertThat(feed.status()).as(feed.body()).isEqualTo(200);
    assertThat(feed.contentType()).startsWith("text/calendar");
    assertThat(feed.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("private"));
    assertThat(feed.header("ETag")).isPresent();
    String text = feed.body();
    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nEND:VCALENDAR");
    assertThat(text.split("\r\n")).allSatisfy(line ->
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");

    Calendar calendar = new CalendarBuilder().build(new StringReader(text));
    List<VEvent> events = calendar.getComponents("VEVENT");
    VEvent first = event(events, active);
    VEvent second = event(events, cancelled);
    assertThat(value(first, Property.SUMMARY)).isEqualTo("Občanský průkaz");
    assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
    assertThat(value(second, Property.STATUS)).isEqualTo("CANCELLED");
    assertThat(value(first, Property.DTSTART)).isEqualTo(ical(slot(8, 1, 0)));
    String description = value(first, Property.DESCRIPTION);
    String topicLine = description.lines().findFirst().orElseThrow();
    assertThat(topicLine).hasSize(40).endsWith("…").startsWith("Výměna občanského průkazu po svatbě");
    assertThat(description).contains("Kód rezervace: ");
    assertThat(text).doesNotContain("Eva Nováková").as("no citizen's name unless the office allows it");

    List<String> python = python(text);
    assertThat(python).contains(active + " CONFIRMED Občanský průkaz", cancelled + " CANCELLED Občanský průkaz");
    assertThat(python).hasSize(events.size());
  }

  @Test
  void anUnchangedFeedIsNotModifiedAndARenderedFeedIsKeptForTheCacheTime() {
    bookWithTopic(slot(8, 2, 0), "Pas");
    BookingServer cached = c.startServer(Map.of("civicdiary.feed.cache", "PT1H"));
    String path = create(OFFICIAL_NOVAK, NOVAK);
    Response first = client(cached).get(path);
    String etag = first.header("ETag").orElseThrow();
    Response again = client(cached).get(path, "If-None-Match", etag);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.header("ETag")).contains(etag);

    bookWithTopic(slot(8, 2, 1), "Pas pro dítě");
    assertThat(client(cached).get(path).body()).as("kept for the cache time").isEqualTo(first.body());
    BookingServer fresh = c.startServer(Map.of("civicdiary.feed.cache", "PT0S"));
    Response changed = client(fresh).get(path, "If-None-Match", etag);
    assertThat(changed.status()).as("the diary changed").isEqualTo(200);
    assertThat(changed.header("ETag")).isNotEqualTo(Optional.of(etag));
  }

  @Test
  void onlyTheOfficialMakesIt_theOfficialOrAnAdminRevokesIt_andThenItIsNotFoundLikeAnyUnknownFeed() {
    assertProblem(c.as(OPERATOR).post(feedPath(NOVAK), null), 403, "not-permitted", null);
    assertProblem(c.as(OFFICIAL_SVOBODA).post(feedPath(NOVAK), null), 403, "not-permitted", null);
    assertProblem(c.as(ADMIN).post(feedPath(NOVAK), null), 403, "not-permitted", null);
    String path = create(OFFICIAL_NOVAK, NOVAK);
    JsonNode shown = c.as(ADMIN).get(feedPath(NOVAK)).json();
    assertThat(shown.path("active").asBoolean()).isTrue();
    assertThat(shown.toString()).doesNotContain(path.substring(path.lastIndexOf('/') + 1, path.length() - 4));
    assertThat(api().get(path).status()).isEqualTo(200);

    assertProblem(c.as(OPERATOR).delete(feedPath(NOVAK)), 403, "not-permitted", null);
    assertProblem(c.as(OFFICIAL_SVOBODA).delete(feedPath(NOVAK)), 403, "not-permitted", null);
    assertThat(api().get(path).status()).as("nothing changed").isEqualTo(200);
    assertThat(c.as(ADMIN).delete(feedPath(NOVAK)).status()).isEqualTo(204);
    JsonNode revoked = assertProblem(api().get(path), 404, "not-found", null);
    JsonNode unknown = assertProblem(api().get("/feeds/officials/" + "A".repeat(43) + ".ics"), 404, "not-found", null);
    assertProblem(api().get("/feeds/officials/short.ics"), 404, "not-found", null);
    assertThat(revoked.path("detail")).as("no oracle between revoked and unknown").isEqualTo(unknown.path("detail"));
    assertThat(c.as(OFFICIAL_NOVAK).get(feedPath(NOVAK)).json().path("active").asBoolean()).isFalse();
    assertProblem(c.as(OFFICIAL_NOVAK).delete(feedPath(NOVAK)), 404, "not-found", null);

    String second = create(OFFICIAL_NOVAK, NOVAK);
    String third = create(OFFICIAL_NOVAK, NOVAK);
    assertProblem(api().get(second), 404, "not-found", null);
    assertThat(c.as(OFFICIAL_NOVAK).delete(feedPath(NOVAK)).status()).as("the official revokes their own").isEqualTo(204);
    assertProblem(api().get(third), 404, "not-found", null);
  }

  @Test
  void aFeedReadTooOftenIsRefusedWhileOthersAreNot() {
    BookingServer strict = c.startServer(Map.of("civicdiary.feed.rate-per-token", "2/PT1H"));
    ApiClient client = client(strict);
    String novak = create(OFFICIAL_NOVAK, NOVAK);
    String svoboda = create(OFFICIAL_SVOBODA, SVOBODA);
    assertThat(client.get(novak).status()).isEqualTo(200);
    assertThat(client.get(novak).status()).isEqualTo(200);
    Response refused = client.get(novak);
    assertProblem(refused, 429, "rate-limited", null);
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(client.get(svoboda).status()).as("another feed is counted apart").isEqualTo(200);
  }

  @Test
  void theCitizensNameOnlyWhereTheOfficeAllowsItAndTheTopicAsShortAsConfigured() throws Exception {
    String forbidden = bookWithTopic(slot(8, 3, 7), LONG_TOPIC);
    String allowed = secondOfficeAllowingNames();
    BookingServer server = c.startServer(Map.of("civicdiary.feed.topic-length", "12", "civicdiary.feed.cache", "PT0S"));

    VEvent named = event(feed(server, create(HORAK_LOGIN, HORAK)), allowed);
    VEvent unnamed = event(feed(server, create(OFFICIAL_NOVAK, NOVAK)), forbidden);

    assertThat(value(named, Property.SUMMARY)).isEqualTo("Trvalý pobyt – Eva Nováková");
    assertThat(value(unnamed, Property.SUMMARY)).as("Prague 6 does not allow it").isEqualTo("Občanský průkaz");
    assertThat(value(unnamed, Property.DESCRIPTION).lines().findFirst().orElseThrow()).isEqualTo("Výměna obča…");
  }

  @Test
  void anAdministratorAllowsNamesOverTheApiAndTheFeedShowsThemAtOnceDespiteItsCacheTime() throws Exception {
    String id = bookWithTopic(slot(8, 3, 6), "Pas");
    BookingServer cached = c.startServer(Map.of("civicdiary.feed.cache", "PT1H"));
    ApiClient admin = client(cached).bearer(c.token(ADMIN));
    String path = create(OFFICIAL_NOVAK, NOVAK);
    assertThat(value(event(feed(cached, path), id), Property.SUMMARY)).isEqualTo("Občanský průkaz");
    JsonNode office = admin.get("/api/v1/staff/offices").json().path("offices").get(0);
    assertThat(office.path("policy").path("feedShowsCitizenNames").isBoolean()).isTrue();
    assertThat(office.path("policy").path("feedShowsCitizenNames").asBoolean()).as("privacy by default").isFalse();
    try {
      Response allowed = admin.put("/api/v1/staff/offices/p6", withNames(office, true));
      assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
      assertThat(allowed.json().path("policy").path("feedShowsCitizenNames").asBoolean()).isTrue();

      assertThat(value(event(feed(cached, path), id), Property.SUMMARY))
          .as("this node forgets its rendered feeds when an office's rules change")
          .isEqualTo("Občanský průkaz – Eva Nováková");

      Response leftOut = admin.put("/api/v1/staff/offices/p6", withNames(office, null));
      assertThat(leftOut.status()).as(leftOut.body()).isEqualTo(200);
      assertThat(leftOut.json().path("policy").path("feedShowsCitizenNames").asBoolean())
          .as("left out keeps the present value").isTrue();
    } finally {
      Response forbidden = admin.put("/api/v1/staff/offices/p6", withNames(office, false));
      assertThat(forbidden.status()).as(forbidden.body()).isEqualTo(200);
    }
    assertThat(value(event(feed(cached, path), id), Property.SUMMARY)).isEqualTo("Občanský průkaz");
    assertProblem(admin.put("/api/v1/staff/offices/p6", withNames(office, "maybe")), 400, "invalid-input", "policy.feedShowsCitizenNames");
    assertThat(admin.get("/api/v1/staff/offices").json().path("offices").get(0)).as("a refused value changes nothing")
        .isEqualTo(office);
  }

  /** The office as the staff API shows it, ready to PUT back, with the feed rule set (or left out for null). */
  private static ObjectNode withNames(JsonNode office, Object names) {
    ObjectNode body = office.deepCopy();
    body.remove("id");
    ObjectNode policy = (ObjectNode) body.path("policy");
    policy.remove("feedShowsCitizenNames");
    if (names != null) {
      policy.set("feedShowsCitizenNames", ApiClient.JSON.valueToTree(names));
    }
    return body;
  }

  private static List<VEvent> feed(BookingServer server, String path) throws Exception {
    Response read = client(server).get(path);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return new CalendarBuilder().build(new StringReader(read.body())).getComponents("VEVENT");
  }

  /**
   * A second office (Prague 7) whose policy allows names, with one official who makes their own feed;
   * saved straight into the storage, as the seed is. Its id sorts after "p6", which other parts take
   * as the first office. Returns the id of a reservation with its official.
   */
  private String secondOfficeAllowingNames() {
    Place townHall = new Place("Radnice Praha 7", "U Průhonu 1338/38, Praha 7");
    BookingPolicy names = new BookingPolicy(60, Duration.ofHours(2), 3, 500, 90, Duration.ofDays(1), true);
    c.storage.transactions().run(() -> {
      c.storage.directory().save(new Office(OfficeId.of("praha-7"), LocalizedText.of("Praha 7", "Prague 7"),
          TestOffice.PRAGUE, Office.DEFAULT_SLOT, townHall, List.of(), names));
      c.storage.directory().save(new Department(DepartmentId.of("residence"), OfficeId.of("praha-7"),
          LocalizedText.of("Evidence obyvatel", "Residents' register"), townHall));
      c.storage.directory().save(new Official(OfficialId.of(HORAK), DepartmentId.of("residence"), "Official horak",
          "Room 2", null, true));
      c.storage.directory().save(new Agenda(AgendaId.of("residence-permit"), DepartmentId.of("residence"),
          LocalizedText.of("Trvalý pobyt", "Permanent residence"), 1, Set.of(OfficialId.of(HORAK))));
      c.storage.diaries().replaceWindows(OfficialId.of(HORAK), List.of(Window.weekly(DayOfWeek.THURSDAY,
          LocalTime.of(16, 0), LocalTime.of(18, 0), LocalDate.of(2027, 1, 1))));
      c.storage.staffAccounts().save(new StaffAccount(HORAK_LOGIN, Passwords.hash(TestOffice.PASSWORD), Role.OFFICIAL,
          OfficialId.of(HORAK), true));
    });
    Map<String, Object> body = HttpApiContract.booking(HORAK, "residence-permit", slot(8, 3, 0), HttpApiContract.email());
    Response r = api().post("/api/v1/reservations", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("reservation").path("id").asText();
  }

  private static VEvent event(List<VEvent> events, String reservationId) {
    return events.stream().filter(e -> value(e, Property.UID).startsWith("reservation-" + reservationId + "@"))
        .findFirst().orElseThrow(() -> new AssertionError("no event for " + reservationId));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  private static String ical(Instant instant) {
    return instant.toString().replace("-", "").replace(":", "");
  }

  /**
   * The feed parsed by Debian's python3-icalendar (absolute path: the PATH's python3 may be another
   * one): one line an event, "id STATUS SUMMARY". Fails when the module is missing; .ci/run installs it.
   */
  private static List<String> python(String feed) throws Exception {
    String script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
        for e in cal.walk('VEVENT'):
            uid = str(e['UID'])
            print(uid[len('reservation-'):uid.index('@')], str(e['STATUS']), str(e['SUMMARY']))
        """;
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).start();
    p.getOutputStream().write(feed.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("python3-icalendar: " + err).isZero();
    return new ArrayList<>(out.lines().toList());
  }
}
