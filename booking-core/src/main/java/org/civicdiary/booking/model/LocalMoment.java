/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A date and a wall-clock time as a person types them, in an office's time zone: the one place
 * where civic-diary turns such a time into an instant. Most local times name exactly one instant;
 * at a daylight-saving change they do not, and the rule depends on what the time is for.
 *
 * <ul>
 *   <li><b>A time that does not exist</b> (the spring gap: in Europe/Prague on 2027-03-28 the
 *       clocks jump from 02:00 to 03:00, so 02:30 is never shown). As the start or end of a range
 *       (an absence, a search) it is the moment of the jump, 03:00 summer time: the wall clock
 *       passes 02:30 exactly then. A range typed wholly inside the gap is therefore empty. As an
 *       exact time (the start of a meeting) it is refused: nobody can meet at a time no clock shows.
 *   <li><b>A time that exists twice</b> (the autumn overlap: on 2026-10-25 the clocks go back from
 *       03:00 to 02:00, so 02:30 is shown first in summer time, then an hour later in winter time).
 *       A start takes the first occurrence and an end the second, so a range covers every moment
 *       the clock shows inside it: an absence "until 02:30" lasts until the second 02:30. An exact
 *       time takes the first occurrence (java.time's default); give the instant for the second.
 * </ul>
 *
 * @param date the day in the office's calendar
 * @param time the time on its wall clocks
 */
public record LocalMoment(LocalDate date, LocalTime time) {
  public LocalMoment {
    Check.present("date", date);
    Check.present("time", time);
  }

  /** The start of the day: midnight, or the first moment of the day where midnight does not exist. */
  public static LocalMoment startOf(LocalDate date) {
    return new LocalMoment(date, LocalTime.MIDNIGHT);
  }

  /** As the start of a range: a time in the gap is the moment of the jump; in the overlap, the first one. */
  public Instant startIn(ZoneId zone) {
    List<Instant> instants = instantsIn(zone);
    return instants.isEmpty() ? jumpIn(zone) : instants.get(0);
  }

  /** As the end of a range: a time in the gap is the moment of the jump; in the overlap, the second one. */
  public Instant endIn(ZoneId zone) {
    List<Instant> instants = instantsIn(zone);
    return instants.isEmpty() ? jumpIn(zone) : instants.get(instants.size() - 1);
  }

  /**
   * As an exact time, such as a meeting's start: in the overlap the first one.
   *
   * @throws InvalidInput naming {@code time} when the time does not exist in the zone that day
   */
  public Instant exactIn(ZoneId zone) {
    List<Instant> instants = instantsIn(zone);
    if (instants.isEmpty()) {
      ZoneOffsetTransition jump = zone.getRules().getTransition(local());
      throw new InvalidInput("time", "does not exist on " + date + " in " + zone.getId() + ": the clocks jump from "
          + jump.getDateTimeBefore().toLocalTime() + " to " + jump.getDateTimeAfter().toLocalTime());
    }
    return instants.get(0);
  }

  /** Every instant the wall clock shows this time, earliest first: none in a gap, two in an overlap. */
  private List<Instant> instantsIn(ZoneId zone) {
    LocalDateTime local = local();
    return zone.getRules().getValidOffsets(local).stream()
        .map(local::toInstant)
        .sorted()
        .toList();
  }

  private Instant jumpIn(ZoneId zone) {
    return zone.getRules().getTransition(local()).getInstant();
  }

  private LocalDateTime local() {
    return date.atTime(time);
  }

  @Override
  public String toString() {
    return date + "T" + time;
  }
}
