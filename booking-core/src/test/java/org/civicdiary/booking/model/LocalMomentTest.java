/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.civicdiary.booking.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** Local times in Prague at an ordinary hour, in the spring gap and in the autumn overlap. */
class LocalMomentTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  /** 2027-03-28: the clocks jump from 02:00 (CET) to 03:00 (CEST), at 01:00 UTC. */
  private static final LocalDate SPRING = LocalDate.of(2027, 3, 28);
  /** 2026-10-25: the clocks go back from 03:00 (CEST) to 02:00 (CET), at 01:00 UTC. */
  private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);

  private static LocalMoment at(LocalDate date, String time) {
    return new LocalMoment(date, LocalTime.parse(time));
  }

  @Test
  void anOrdinaryTimeIsOneInstantWhateverItIsFor() {
    LocalMoment summer = at(SPRING, "16:00");
    assertThat(summer.startIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-28T14:00:00Z"));
    assertThat(summer.endIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-28T14:00:00Z"));
    assertThat(summer.exactIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-28T14:00:00Z"));
    assertThat(at(SPRING, "01:59").exactIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-28T00:59:00Z"));
    assertThat(at(SPRING, "03:00").exactIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
  }

  @Test
  void aTimeInTheSpringGapBoundsARangeAtTheJump() {
    assertThat(at(SPRING, "02:00").startIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    assertThat(at(SPRING, "02:30").startIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    assertThat(at(SPRING, "02:59").endIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
  }

  @Test
  void aTimeInTheSpringGapIsRefusedAsAnExactTime() {
    assertThatThrownBy(() -> at(SPRING, "02:30").exactIn(PRAGUE)).isInstanceOfSatisfying(InvalidInput.class, e -> {
      assertThat(e.field()).isEqualTo("time");
      assertThat(e.problem()).contains("2027-03-28", "Europe/Prague", "02:00", "03:00");
    });
  }

  @Test
  void aTimeInTheAutumnOverlapStartsAtTheFirstAndEndsAtTheSecond() {
    LocalMoment twice = at(AUTUMN, "02:30");
    assertThat(twice.startIn(PRAGUE)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(twice.exactIn(PRAGUE)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(twice.endIn(PRAGUE)).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    // the hour before and after the overlap is unambiguous
    assertThat(at(AUTUMN, "01:59").endIn(PRAGUE)).isEqualTo(Instant.parse("2026-10-24T23:59:00Z"));
    assertThat(at(AUTUMN, "03:00").startIn(PRAGUE)).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
  }

  @Test
  void theStartOfADayWhereMidnightDoesNotExistIsItsFirstMoment() {
    // Santiago de Chile moved its clocks from 00:00 to 01:00 on 2026-09-06
    ZoneId santiago = ZoneId.of("America/Santiago");
    LocalDate day = LocalDate.of(2026, 9, 6);
    assertThat(LocalMoment.startOf(day).startIn(santiago)).isEqualTo(day.atStartOfDay(santiago).toInstant());
    assertThat(LocalMoment.startOf(SPRING).startIn(PRAGUE)).isEqualTo(Instant.parse("2027-03-27T23:00:00Z"));
  }

  @Test
  void bothPartsAreRequired() {
    assertThatThrownBy(() -> new LocalMoment(null, LocalTime.NOON))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("date"));
    assertThatThrownBy(() -> new LocalMoment(SPRING, null))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("time"));
  }
}
