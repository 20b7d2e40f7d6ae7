/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.OfficialId;
import org.junit.jupiter.api.Test;

/** Due times of busy feeds: spread over the interval, one interval apart, backing off after failures. */
class FeedScheduleTest {
  private static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final Instant POLLED = Instant.parse("2027-03-01T08:03:17.250Z");
  private final FeedSchedule schedule = new FeedSchedule(INTERVAL);

  private static BusyFeed polled(String official, Instant at) {
    return BusyFeed.of(OfficialId.of(official), "https://calendar.example/" + official + ".ics").succeeded("\"1\"", null, at);
  }

  private static BusyFeed failed(String official, Instant at) {
    return BusyFeed.of(OfficialId.of(official), "https://calendar.example/" + official + ".ics")
        .failed(BusyFeed.Failure.UNREACHABLE, "ConnectException", at);
  }

  @Test
  void fiveHundredOfficialsAreSpreadEvenlyOverTheInterval() {
    int[] tenths = new int[10];
    for (int i = 0; i < 500; i++) {
      Duration offset = schedule.offset(OfficialId.of("official-" + i));
      assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(INTERVAL);
      tenths[(int) (offset.toMillis() * 10 / INTERVAL.toMillis())]++;
    }
    // 50 expected in each tenth; consecutive ids must not bunch together
    for (int count : tenths) {
      assertThat(count).isBetween(30, 70);
    }
  }

  @Test
  void aFeedNeverPolledIsDueAtOnce() {
    BusyFeed fresh = BusyFeed.of(OfficialId.of("jan-novak"), "https://calendar.example/novak.ics");
    assertThat(schedule.due(fresh, 0)).isBefore(POLLED);
  }

  @Test
  void afterASuccessTheFeedIsDueAtItsOwnPlaceOneIntervalApart() {
    OfficialId novak = OfficialId.of("jan-novak");
    Instant due = schedule.due(polled("jan-novak", POLLED), 0);
    assertThat(due).isBetween(POLLED.plus(INTERVAL.dividedBy(2)), POLLED.plus(INTERVAL.multipliedBy(3).dividedBy(2)));
    assertThat(Math.floorMod(due.toEpochMilli(), INTERVAL.toMillis())).isEqualTo(schedule.offset(novak).toMillis());
    // polled at its place (a little late, as a poll is), due exactly one interval later
    assertThat(schedule.due(polled("jan-novak", due.plusSeconds(3)), 0)).isEqualTo(due.plus(INTERVAL));
  }

  @Test
  void aCatchUpPollOfEveryFeedSpreadsTheirNextPolls() {
    Set<Long> minutes = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      Instant due = schedule.due(polled("official-" + i, POLLED), 0);
      minutes.add(Duration.between(POLLED, due).toMinutes());
    }
    assertThat(minutes).as("the next polls fall into every minute of an interval").hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void afterFailuresTheWaitGrowsUpToAnHour() {
    Duration[] ceilings = {INTERVAL, INTERVAL.multipliedBy(2), INTERVAL.multipliedBy(4), Duration.ofHours(1),
        Duration.ofHours(1)};
    for (int failures = 1; failures <= ceilings.length; failures++) {
      Duration wait = Duration.between(POLLED, schedule.due(failed("jan-novak", POLLED), failures));
      assertThat(wait).as("after %d failures", failures).isBetween(ceilings[failures - 1].dividedBy(2),
          ceilings[failures - 1]);
    }
    assertThat(schedule.due(failed("jan-novak", POLLED), 0)).as("a failure seen by another node counts as one")
        .isEqualTo(schedule.due(failed("jan-novak", POLLED), 1));
  }

  @Test
  void feedsThatFailedTogetherComeBackAtDifferentTimes() {
    Set<Instant> retries = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      retries.add(schedule.due(failed("official-" + i, POLLED), 3));
    }
    assertThat(retries).hasSizeGreaterThan(15);
  }

  @Test
  void aLongIntervalIsTheLongestWaitToo() {
    FeedSchedule daily = new FeedSchedule(Duration.ofDays(1));
    Duration wait = Duration.between(POLLED, daily.due(failed("jan-novak", POLLED), 5));
    assertThat(wait).isBetween(Duration.ofHours(12), Duration.ofDays(1));
  }
}
