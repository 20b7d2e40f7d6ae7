/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civicdiary.booking.model.BusyConflict;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.testkit.contract.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The poller against a local HTTP server serving .ics files: changes, moves and deletions reach
 * free time within one poll; recurrences, their exceptions, all-day and daylight-saving-crossing
 * events become the right busy time; conditional requests; every failure keeps the last good busy
 * time until it is too old.
 */
class BusyFeedPollingTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final StaffMember NOVAK_HIMSELF = new StaffMember("novak", Role.OFFICIAL, NOVAK);
  private static final StaffMember OPERATOR = new StaffMember("operator", Role.OPERATOR, null);
  private final Storage storage = InMemoryStorage.create();
  private final MutableClock clock = new MutableClock(Fixtures.NOW.truncatedTo(ChronoUnit.SECONDS));
  private final CivicDiary diary = CivicDiary.builder().storage(storage).clock(clock).build();
  private final List<String> conditions = new CopyOnWriteArrayList<>();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String body = calendar();
  private HttpServer server;
  private BusyFeedWorkers poller;

  @BeforeEach
  void serve() throws IOException {
    new Fixtures(storage).load();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/novak.ics", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        in.readAllBytes();
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
        conditions.add(asked == null ? "-" : asked);
        arrivals.add(System.nanoTime());
        if (status == 200 && etag.equals(asked)) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.sendResponseHeaders(status, bytes.length);
        out.write(bytes);
      }
    });
    server.start();
    poller = new BusyFeedWorkers(storage, diary, clock, new BusyFeedConfig(true, 4, 1, Duration.ofMinutes(10),
        Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024, 50, Duration.ofHours(24), Duration.ofSeconds(5)));
    diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, "http://127.0.0.1:" + server.getAddress().getPort() + "/novak.ics");
  }

  @AfterEach
  void stop() {
    poller.stop();
    server.stop(0);
  }

  /** A calendar of these events, each "start/end" in Prague local time (yyyy-MM-ddTHH:mm). */
  private static String calendar(String... events) {
    StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//busy//EN\r\n");
    int uid = 0;
    for (String event : events) {
      String[] startEnd = event.split("/");
      ics.append("BEGIN:VEVENT\r\nUID:event-").append(uid++).append("@example\r\nDTSTAMP:20270201T120000Z\r\n")
          .append("SUMMARY:Soukromá schůzka\r\n")
          .append("DTSTART;TZID=Europe/Prague:").append(local(startEnd[0])).append("\r\n")
          .append("DTEND;TZID=Europe/Prague:").append(local(startEnd[1])).append("\r\n")
          .append("END:VEVENT\r\n");
    }
    return ics.append("END:VCALENDAR\r\n").toString();
  }

  private static String local(String text) {
    return LocalDateTime.parse(text).toString().replace("-", "").replace(":", "") + "00";
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(PRAGUE).toInstant();
  }

  private List<Instant> free(String day) {
    LocalDate date = LocalDate.parse(day);
    return diary.findingFreeSlots().ofOfficial(NOVAK, ID_CARD, date, date).stream().map(FreeSlot::start).toList();
  }

  private BusyFeed feed() {
    return diary.keepingBusyFeeds().feed(NOVAK_HIMSELF, NOVAK).orElseThrow();
  }

  private List<BusyTime> busy() {
    return storage.busyFeeds().busy(List.of(NOVAK), clock.instant().minus(Duration.ofDays(2)),
        clock.instant().plus(Duration.ofDays(90)));
  }

  @Test
  void anEventChangedMovedAndDeletedChangesFreeTimeWithinOnePoll() {
    body = calendar("2027-03-02T10:00/2027-03-02T10:30");
    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(free("2027-03-02")).doesNotContain(at("2027-03-02T10:00"), at("2027-03-02T10:15"))
        .contains(at("2027-03-02T09:45"), at("2027-03-02T10:30"));

    body = calendar("2027-03-02T10:00/2027-03-02T11:00");
    poller.pollOnce();
    assertThat(free("2027-03-02")).as("changed").doesNotContain(at("2027-03-02T10:30"), at("2027-03-02T10:45"))
        .contains(at("2027-03-02T11:00"));

    body = calendar("2027-03-03T14:00/2027-03-03T15:00");
    poller.pollOnce();
    assertThat(free("2027-03-02")).as("moved away").contains(at("2027-03-02T10:00"), at("2027-03-02T10:45"));
    assertThat(free("2027-03-03")).as("moved here").doesNotContain(at("2027-03-03T14:00"), at("2027-03-03T14:45"))
        .contains(at("2027-03-03T15:00"));

    body = calendar();
    poller.pollOnce();
    assertThat(free("2027-03-03")).as("deleted").contains(at("2027-03-03T14:00"), at("2027-03-03T14:45"));
    assertThat(busy()).isEmpty();
  }

  @Test
  void recurrencesExceptionsAllDayAndDaylightSavingEventsBecomeTheRightBusyTime() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/busy-feeds/outlook-recurring.ics")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    poller.pollOnce();
    assertThat(feed().failure()).isNull();
    assertThat(busy()).containsExactly(
        new BusyTime(NOVAK, at("2027-03-08T09:00"), at("2027-03-08T10:00")),
        // the whole of 10 March, an all-day event; 15 March's meeting is an exception (EXDATE)
        new BusyTime(NOVAK, at("2027-03-10T00:00"), at("2027-03-11T00:00")),
        // 22 March's meeting moved to the afternoon by its own VEVENT
        new BusyTime(NOVAK, at("2027-03-22T13:00"), at("2027-03-22T14:00")),
        // 22:00 to 05:00 across the spring change: six hours, not seven
        new BusyTime(NOVAK, at("2027-03-27T22:00"), at("2027-03-28T05:00")),
        // after the change the meeting stays at 09:00 Prague time (07:00 UTC, not 08:00)
        new BusyTime(NOVAK, Instant.parse("2027-03-29T07:00:00Z"), Instant.parse("2027-03-29T08:00:00Z")),
        new BusyTime(NOVAK, at("2027-04-05T09:00"), at("2027-04-05T10:00")),
        new BusyTime(NOVAK, at("2027-04-12T09:00"), at("2027-04-12T10:00")));
    assertThat(Duration.between(at("2027-03-27T22:00"), at("2027-03-28T05:00"))).isEqualTo(Duration.ofHours(6));
    // 29 March 2027 is Easter Monday, a holiday: the next week shows the same in free time
    assertThat(free("2027-04-05")).doesNotContain(at("2027-04-05T09:00"), at("2027-04-05T09:45"))
        .contains(at("2027-04-05T08:45"), at("2027-04-05T10:00"));
    assertThat(free("2027-03-15")).as("the exception").contains(at("2027-03-15T09:00"));
    assertThat(free("2027-03-22")).contains(at("2027-03-22T09:00")).doesNotContain(at("2027-03-22T13:00"));
    assertThat(free("2027-03-10")).as("all day").isEmpty();
    assertThat(free("2027-03-11")).as("free and cancelled events block nothing")
        .contains(at("2027-03-11T10:00"), at("2027-03-11T13:00"));
    assertThat(free("2027-03-12")).contains(at("2027-03-12T10:00"));
  }

  @Test
  void theSecondPollIsConditionalAndNotModifiedKeepsTheBusyTime() {
    body = calendar("2027-03-02T10:00/2027-03-02T10:30");
    poller.pollOnce();
    clock.advance(Duration.ofMinutes(10));
    poller.pollOnce();
    assertThat(conditions).hasSize(2);
    assertThat(conditions.get(0)).isEqualTo("-");
    assertThat(conditions.get(1)).isEqualTo(feed().etag()).isNotEqualTo("-");
    assertThat(feed().succeededAt()).isEqualTo(clock.instant());
    assertThat(busy()).hasSize(1);
  }

  @Test
  void failuresShowAndTheLastGoodBusyTimeAppliesUpToItsAge() {
    body = calendar("2027-03-04T10:00/2027-03-04T10:30");
    poller.pollOnce();
    Instant good = feed().succeededAt();

    status = 500;
    poller.pollOnce();
    assertThat(feed().failure()).isEqualTo(BusyFeed.Failure.REFUSED);
    assertThat(feed().failureDetail()).isEqualTo("HTTP 500");

    status = 200;
    body = "<html>Sign in to see this calendar</html>";
    poller.pollOnce();
    assertThat(feed().failure()).isEqualTo(BusyFeed.Failure.INVALID);

    body = calendar("2027-03-04T10:00/2027-03-04T10:30") + "X".repeat(70 * 1024);
    poller.pollOnce();
    assertThat(feed().failure()).isEqualTo(BusyFeed.Failure.TOO_LARGE);

    String[] many = new String[51];
    for (int i = 0; i < many.length; i++) {
      many[i] = "2027-03-02T08:00/2027-03-02T08:15";
    }
    body = calendar(many);
    poller.pollOnce();
    assertThat(feed().failure()).isEqualTo(BusyFeed.Failure.TOO_MANY_EVENTS);
    assertThat(feed().failureDetail()).contains("51");

    server.stop(0);
    clock.advance(Duration.ofHours(23));
    poller.pollOnce();
    assertThat(feed().failure()).isEqualTo(BusyFeed.Failure.UNREACHABLE);
    assertThat(feed().succeededAt()).isEqualTo(good);
    assertThat(busy()).as("the last good busy time still applies").hasSize(1);
    assertThat(free("2027-03-04")).doesNotContain(at("2027-03-04T10:00"));

    clock.advance(Duration.ofHours(2));
    poller.pollOnce();
    assertThat(busy()).as("older than the configured age").isEmpty();
    assertThat(free("2027-03-04")).contains(at("2027-03-04T10:00"));
  }

  @Test
  void aNewEventOverABookedMeetingPutsAConflictOnTheWorklistAndCancelsNothing() {
    Reservation booked = Fixtures.reservation(NOVAK, at("2027-03-02T10:00"), "marie@example.cz");
    storage.transactions().run(() -> storage.reservations().add(booked, Fixtures.SLOT));
    body = calendar("2027-03-02T09:30/2027-03-02T10:30");
    poller.pollOnce();
    assertThat(storage.reservations().find(booked.id())).map(Reservation::status).contains(Status.ACTIVE);
    assertThat(diary.workingTheWorklist().worklist(OPERATOR).conflicts()).containsExactly(
        new BusyConflict(booked.id(), NOVAK, at("2027-03-02T09:30"), at("2027-03-02T10:30"), clock.instant()));
  }

  @Test
  void pollingWhatIsDueTakesANewFeedAtOnceThenOncePerIntervalAtItsPlace() {
    body = calendar("2027-03-02T10:00/2027-03-02T10:30");
    assertThat(poller.pollDue()).as("never polled").isEqualTo(1);
    assertThat(poller.pollDue()).as("just polled").isZero();
    Instant due = poller.due(feed());
    assertThat(due).isBetween(clock.instant().plus(Duration.ofMinutes(5)), clock.instant().plus(Duration.ofMinutes(15)));

    clock.set(due.minusSeconds(1));
    assertThat(poller.pollDue()).isZero();
    clock.set(due);
    assertThat(poller.pollDue()).isEqualTo(1);
    assertThat(poller.due(feed())).as("one interval later").isEqualTo(due.plus(Duration.ofMinutes(10)));
    assertThat(conditions).hasSize(2);
    assertThat(busy()).hasSize(1);
  }

  @Test
  void aFailingFeedIsPolledAgainAfterAGrowingWaitAndThenBackAtItsPlace() {
    status = 500;
    assertThat(poller.pollDue()).isEqualTo(1);
    Instant firstFailure = clock.instant();
    Instant retry = poller.due(feed());
    assertThat(Duration.between(firstFailure, retry)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));

    clock.set(retry.minusSeconds(1));
    assertThat(poller.pollDue()).isZero();
    clock.set(retry);
    assertThat(poller.pollDue()).isEqualTo(1);
    assertThat(feed().failure()).isEqualTo(BusyFeed.Failure.REFUSED);
    Duration second = Duration.between(retry, poller.due(feed()));
    assertThat(second).as("the second wait doubles").isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20));

    status = 200;
    clock.set(poller.due(feed()));
    assertThat(poller.pollDue()).isEqualTo(1);
    assertThat(feed().failure()).isNull();
    Instant next = poller.due(feed());
    assertThat(next).as("back at its place, once per interval")
        .isEqualTo(poller.due(feed().succeeded(null, null, next.plusSeconds(1))).minus(Duration.ofMinutes(10)));
    assertThat(conditions).hasSize(3);
  }

  @Test
  void singleEventsWithADurationADateAloneOrUtcTimesAreReadWithoutTheRecurrenceSet() {
    body = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//busy//EN\r\n"
        + "BEGIN:VEVENT\r\nUID:duration@example\r\nDTSTAMP:20270201T120000Z\r\n"
        + "DTSTART;TZID=Europe/Prague:20270302T100000\r\nDURATION:PT1H30M\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\r\nUID:date-alone@example\r\nDTSTAMP:20270201T120000Z\r\n"
        + "DTSTART;VALUE=DATE:20270304\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\r\nUID:utc@example\r\nDTSTAMP:20270201T120000Z\r\n"
        + "DTSTART:20270305T130000Z\r\nDTEND:20270305T140000Z\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\r\nUID:no-time@example\r\nDTSTAMP:20270201T120000Z\r\n"
        + "DTSTART;TZID=Europe/Prague:20270308T100000\r\nEND:VEVENT\r\n"
        + "END:VCALENDAR\r\n";
    poller.pollOnce();
    assertThat(feed().failure()).isNull();
    assertThat(busy()).containsExactly(
        new BusyTime(NOVAK, at("2027-03-02T10:00"), at("2027-03-02T11:30")),
        new BusyTime(NOVAK, at("2027-03-04T00:00"), at("2027-03-05T00:00")),
        new BusyTime(NOVAK, Instant.parse("2027-03-05T13:00:00Z"), Instant.parse("2027-03-05T14:00:00Z")));
  }

  @Test
  void aCatchUpStartsItsFeedsEvenlyOverTheSpreadWhileATicksFewStartAtOnce() {
    List<OfficialId> others = new ArrayList<>();
    storage.transactions().run(() -> {
      for (int i = 1; i <= 11; i++) {
        OfficialId id = OfficialId.of("clerk-" + i);
        others.add(id);
        storage.directory().save(new Official(id, Fixtures.CIVIL, "Úředník " + i, "10" + i, null, true));
        storage.busyFeeds().save(BusyFeed.of(id, "http://127.0.0.1:" + server.getAddress().getPort()
            + "/novak.ics?clerk=" + i));
      }
    });
    Duration spread = Duration.ofSeconds(1);
    BusyFeedWorkers pacing = new BusyFeedWorkers(storage, diary, clock, new BusyFeedConfig(true, 4, 1,
        Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024, 50, Duration.ofHours(24),
        Duration.ofSeconds(5), spread));

    long began = System.nanoTime();
    assertThat(pacing.pollDue()).as("twelve feeds never polled: a catch-up").isEqualTo(12);
    long gap = spread.toNanos() / 12;
    List<Long> sorted = arrivals.stream().sorted().toList();
    assertThat(sorted).hasSize(12);
    for (int k = 0; k < sorted.size(); k++) {
      // The k-th request cannot come before the k-th start, k gaps after the first.
      assertThat(sorted.get(k) - began).as("request %d", k).isGreaterThanOrEqualTo(k * gap);
    }
    assertThat(diary.keepingBusyFeeds().all()).allMatch(f -> f.polledAt() != null && f.failure() == null);

    // A tick's few feeds (no more than the fetch threads) start at once, even with a long spread.
    BusyFeedWorkers slow = new BusyFeedWorkers(storage, diary, clock, new BusyFeedConfig(true, 4, 1,
        Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024, 50, Duration.ofHours(24),
        Duration.ofSeconds(5), Duration.ofMinutes(2)));
    clock.set(clock.instant().plus(Duration.ofMinutes(30)));
    storage.transactions().run(() -> others.subList(3, 11).forEach(id -> storage.busyFeeds().save(
        storage.busyFeeds().ofOfficial(id).orElseThrow().succeeded(null, null, clock.instant()))));
    storage.transactions().run(() -> storage.busyFeeds().save(
        storage.busyFeeds().ofOfficial(NOVAK).orElseThrow().succeeded(null, null, clock.instant())));
    long t0 = System.nanoTime();
    assertThat(slow.pollDue()).as("three feeds due").isEqualTo(3);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("not spread: a paced start would wait 10 s each")
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theCatchUpSpreadMustBeShorterThanThePollInterval() {
    assertThat(BusyFeedConfig.from(Settings.of(Map.of(
        "civicdiary.busy-feeds.poll-interval", "PT40S"))).catchUpSpread()).isEqualTo(Duration.ofSeconds(10));
    assertThat(BusyFeedConfig.from(Settings.of(Map.of()))
        .catchUpSpread()).isEqualTo(BusyFeedConfig.DEFAULT_CATCH_UP_SPREAD);
    assertThatThrownBy(() -> BusyFeedConfig.from(
        Settings.of(Map.of("civicdiary.busy-feeds.poll-interval", "PT1M",
            "civicdiary.busy-feeds.catch-up-spread", "PT1M"))))
        .isInstanceOf(InvalidSetting.class)
        .hasMessageContaining("civicdiary.busy-feeds.catch-up-spread");
  }
}
