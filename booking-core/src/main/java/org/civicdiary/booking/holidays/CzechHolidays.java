/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.holidays;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.port.HolidayCalendar;

/**
 * The public holidays of the Czech Republic (zákon č. 245/2000 Sb.): the fixed dates, Good Friday
 * (since 2016) and Easter Monday. An office adds its own closing days with {@link #plus}.
 */
public final class CzechHolidays implements HolidayCalendar {
  private static final Map<MonthDay, LocalizedText> FIXED = Map.ofEntries(
      fixed(1, 1, "Den obnovy samostatného českého státu", "Restoration Day of the Independent Czech State"),
      fixed(5, 1, "Svátek práce", "Labour Day"),
      fixed(5, 8, "Den vítězství", "Liberation Day"),
      fixed(7, 5, "Den slovanských věrozvěstů Cyrila a Metoděje", "Saints Cyril and Methodius Day"),
      fixed(7, 6, "Den upálení mistra Jana Husa", "Jan Hus Day"),
      fixed(9, 28, "Den české státnosti", "St. Wenceslas Day (Czech Statehood Day)"),
      fixed(10, 28, "Den vzniku samostatného československého státu", "Independent Czechoslovak State Day"),
      fixed(11, 17, "Den boje za svobodu a demokracii", "Struggle for Freedom and Democracy Day"),
      fixed(12, 24, "Štědrý den", "Christmas Eve"),
      fixed(12, 25, "1. svátek vánoční", "Christmas Day"),
      fixed(12, 26, "2. svátek vánoční", "St. Stephen's Day"));
  private static final LocalizedText GOOD_FRIDAY = LocalizedText.of("Velký pátek", "Good Friday");
  private static final LocalizedText EASTER_MONDAY = LocalizedText.of("Velikonoční pondělí", "Easter Monday");

  private final Map<LocalDate, LocalizedText> extra;

  private CzechHolidays(Map<LocalDate, LocalizedText> extra) {
    this.extra = Map.copyOf(extra);
  }

  public static CzechHolidays create() {
    return new CzechHolidays(Map.of());
  }

  /** These holidays and the office's own closing days. */
  public static CzechHolidays plus(Map<LocalDate, LocalizedText> closingDays) {
    return new CzechHolidays(closingDays);
  }

  @Override
  public Optional<LocalizedText> holiday(LocalDate date) {
    LocalizedText fixed = FIXED.get(MonthDay.from(date));
    if (fixed != null) {
      return Optional.of(fixed);
    }
    LocalDate easter = easterSunday(date.getYear());
    if (date.equals(easter.plusDays(1))) {
      return Optional.of(EASTER_MONDAY);
    }
    if (date.getYear() >= 2016 && date.equals(easter.minusDays(2))) {
      return Optional.of(GOOD_FRIDAY);
    }
    return Optional.ofNullable(extra.get(date));
  }

  /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static Map.Entry<MonthDay, LocalizedText> fixed(int month, int day, String cs, String en) {
    return Map.entry(MonthDay.of(month, day), LocalizedText.of(cs, en));
  }
}
