/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Waiting-time percentiles by nearest rank: the value at rank ceil(p/100 * n). */
class PercentileTest {
  @Test
  void nearestRankOfSortedWaits() {
    List<Long> ten = List.of(60L, 120L, 180L, 240L, 300L, 360L, 420L, 480L, 540L, 600L);
    assertThat(ReportingStatistics.percentile(ten, 50)).isEqualTo(300);
    assertThat(ReportingStatistics.percentile(ten, 90)).isEqualTo(540);
    List<Long> four = List.of(120L, 240L, 360L, 600L);
    assertThat(ReportingStatistics.percentile(four, 50)).isEqualTo(240);
    assertThat(ReportingStatistics.percentile(four, 90)).isEqualTo(600);
    assertThat(ReportingStatistics.percentile(List.of(42L), 50)).isEqualTo(42);
    assertThat(ReportingStatistics.percentile(List.of(42L), 90)).isEqualTo(42);
    assertThat(ReportingStatistics.percentile(List.of(), 50)).isNull();
  }
}
