/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.holidays;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.port.HolidayCalendar;

/**
 * The public-holiday calendars a deployment knows, by the name an office gives
 * ({@link Office#holidayCalendar()}): the Czech Republic's ({@code CZ}) is built in, others are
 * plugged in by name (a Guice map binding, or {@code CivicDiary.builder().holidayCalendar(name, calendar)}).
 */
public final class HolidayCalendars {
  private final Map<String, HolidayCalendar> byName;
  private final HolidayCalendar fallback;

  private HolidayCalendars(Map<String, HolidayCalendar> byName, HolidayCalendar fallback) {
    this.byName = Map.copyOf(byName);
    this.fallback = fallback;
  }

  /** The built-in calendar alone: {@code CZ}, the Czech public holidays. */
  public static HolidayCalendars czech() {
    return of(CzechHolidays.create(), Map.of());
  }

  /**
   * {@code czech} under {@link Office#DEFAULT_HOLIDAY_CALENDAR} (a deployment may replace the built-in
   * one, for its own closing days) and the others by their names.
   */
  public static HolidayCalendars of(HolidayCalendar czech, Map<String, HolidayCalendar> others) {
    Objects.requireNonNull(czech, "czech");
    Map<String, HolidayCalendar> all = new LinkedHashMap<>(others);
    all.put(Office.DEFAULT_HOLIDAY_CALENDAR, czech);
    return new HolidayCalendars(all, czech);
  }

  /** The calendar of this name, if the deployment has one. */
  public Optional<HolidayCalendar> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The office's calendar. An office that names a calendar no longer plugged in gets the built-in
   * one rather than no holidays at all: saving an office checks the name, so only a removed
   * plug-in leads here.
   */
  public HolidayCalendar of(Office office) {
    return byName.getOrDefault(office.holidayCalendar(), fallback);
  }

  public Set<String> names() {
    return byName.keySet();
  }
}
