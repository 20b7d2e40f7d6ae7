/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.civicdiary.booking.model.Language;

/** Dates and times as a citizen reads them, in the office's zone. */
final class LocalTimes {
  private static final Locale CZECH = Locale.forLanguageTag("cs");
  private static final DateTimeFormatter CS_DATE = DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy", CZECH);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
  // Czech says "ve" before a number whose spoken form starts with a consonant cluster the "v" would
  // swallow: ve dvě, ve tři, ve čtyři, ve dvanáct, ve třináct, ve čtrnáct, ve dvacet…
  private static final Set<Integer> VE_HOURS = Set.of(2, 3, 4, 12, 13, 14, 20, 21, 22, 23);

  private LocalTimes() {}

  /** "úterý 2. března 2027" or "Tuesday 2 March 2027". */
  static String date(Instant instant, ZoneId zone, Language language) {
    ZonedDateTime local = instant.atZone(zone);
    return (language == Language.CS ? CS_DATE : EN_DATE).format(local);
  }

  /** "16:00". */
  static String time(Instant instant, ZoneId zone) {
    return TIME.format(instant.atZone(zone));
  }

  /** "úterý 2. března 2027 v 16:00" or "Tuesday 2 March 2027 at 16:00". */
  static String when(Instant instant, ZoneId zone, Language language) {
    ZonedDateTime local = instant.atZone(zone);
    String preposition = language == Language.CS
        ? (VE_HOURS.contains(local.getHour()) ? " ve " : " v ")
        : " at ";
    return date(instant, zone, language) + preposition + time(instant, zone);
  }
}
