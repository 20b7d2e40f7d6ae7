/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.civicdiary.booking.model.Language;
import org.junit.jupiter.api.Test;

class LocalTimesTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  @Test
  void czechDateInTheOfficesZone() {
    assertThat(LocalTimes.when(Instant.parse("2027-03-02T15:00:00Z"), PRAGUE, Language.CS))
        .isEqualTo("úterý 2. března 2027 v 16:00");
    // Summer time: UTC+2.
    assertThat(LocalTimes.when(Instant.parse("2027-07-06T06:30:00Z"), PRAGUE, Language.CS))
        .isEqualTo("úterý 6. července 2027 v 8:30");
  }

  @Test
  void czechSaysVeBeforeTwoThreeFourTwelveToFourteenAndTwenties() {
    assertThat(LocalTimes.when(Instant.parse("2027-03-02T13:00:00Z"), PRAGUE, Language.CS))
        .isEqualTo("úterý 2. března 2027 ve 14:00");
    assertThat(LocalTimes.when(Instant.parse("2027-03-02T19:15:00Z"), PRAGUE, Language.CS))
        .isEqualTo("úterý 2. března 2027 ve 20:15");
    assertThat(LocalTimes.when(Instant.parse("2027-03-02T16:00:00Z"), PRAGUE, Language.CS))
        .isEqualTo("úterý 2. března 2027 v 17:00");
  }

  @Test
  void english() {
    assertThat(LocalTimes.when(Instant.parse("2027-03-02T15:00:00Z"), PRAGUE, Language.EN))
        .isEqualTo("Tuesday 2 March 2027 at 16:00");
  }
}
