/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.holidays;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import org.civicdiary.booking.model.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CzechHolidaysTest {
  private final CzechHolidays holidays = CzechHolidays.create();

  @ParameterizedTest
  @CsvSource({"2000-04-23", "2008-03-23", "2016-03-27", "2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05",
      "2027-03-28", "2038-04-25", "2285-03-22"})
  void easterSundayOfTheGregorianCalendar(LocalDate easter) {
    assertThat(CzechHolidays.easterSunday(easter.getYear())).isEqualTo(easter);
  }

  @Test
  void everyHolidayOf2027() {
    TreeSet<LocalDate> found = new TreeSet<>();
    for (LocalDate d = LocalDate.of(2027, 1, 1); d.getYear() == 2027; d = d.plusDays(1)) {
      if (holidays.isHoliday(d)) {
        found.add(d);
      }
    }
    assertThat(found).containsExactly(
        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 1),
        LocalDate.of(2027, 5, 8), LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 6), LocalDate.of(2027, 9, 28),
        LocalDate.of(2027, 10, 28), LocalDate.of(2027, 11, 17), LocalDate.of(2027, 12, 24),
        LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26));
    assertThat(holidays.holiday(LocalDate.of(2027, 3, 26)).orElseThrow().en()).isEqualTo("Good Friday");
    assertThat(holidays.holiday(LocalDate.of(2027, 3, 29)).orElseThrow().cs()).isEqualTo("Velikonoční pondělí");
  }

  @Test
  void goodFridayIsAHolidaySince2016Only() {
    assertThat(holidays.isHoliday(LocalDate.of(2015, 4, 3))).isFalse();
    assertThat(holidays.isHoliday(LocalDate.of(2015, 4, 6))).isTrue();
    assertThat(holidays.isHoliday(LocalDate.of(2016, 3, 25))).isTrue();
  }

  @Test
  void anOfficeAddsItsOwnClosingDays() {
    LocalDate townFestival = LocalDate.of(2027, 6, 18);
    CzechHolidays withFestival = CzechHolidays.plus(Map.of(townFestival, LocalizedText.of("Slavnosti", "Town festival")));

    assertThat(withFestival.holiday(townFestival).orElseThrow().en()).isEqualTo("Town festival");
    assertThat(withFestival.isHoliday(LocalDate.of(2027, 3, 26))).isTrue();
    assertThat(holidays.isHoliday(townFestival)).isFalse();
    assertThat(withFestival.isHoliday(townFestival.plusDays(1))).isFalse();
  }
}
