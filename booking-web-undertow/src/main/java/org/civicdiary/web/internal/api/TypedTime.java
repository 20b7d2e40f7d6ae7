/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.LocalMoment;
import org.civicdiary.web.internal.http.Call;

/**
 * A time a request gives either as an instant ({@code start}) or as the date and wall-clock time a
 * person typed in the office's zone ({@code startDate}, {@code startTime}), never both. Only read
 * here: the core's {@link LocalMoment} converts, by its rules for the daylight-saving gap and
 * overlap. A date without a time is the start of that day, except for an exact time.
 *
 * @param name the instant's field; the local fields are named {@code name + "Date"} and {@code name + "Time"}
 */
record TypedTime(String name, Instant instant, LocalDate date, LocalTime time) {
  TypedTime {
    if (instant != null && (date != null || time != null)) {
      throw new InvalidInput(name, "give either " + name + " (an instant) or " + name + "Date and " + name
          + "Time (in the office's time zone), not both");
    }
    if (time != null && date == null) {
      throw new InvalidInput(name + "Date", "is required with " + name + "Time");
    }
  }

  /** From the query: {@code name}, {@code nameDate}, {@code nameTime}. */
  static TypedTime query(Call call, String name) {
    return new TypedTime(name, call.instant(name), call.date(name + "Date"), call.time(name + "Time"));
  }

  boolean isLocal() {
    return date != null;
  }

  /** As the start of a range; null when neither form was given. */
  Instant start(Supplier<ZoneId> zone) {
    return isLocal() ? moment().startIn(zone.get()) : instant;
  }

  /** As the end of a range; null when neither form was given. */
  Instant end(Supplier<ZoneId> zone) {
    return isLocal() ? moment().endIn(zone.get()) : instant;
  }

  /** As an exact time (a meeting's start), which needs the time of day; null when neither form was given. */
  Instant exact(Supplier<ZoneId> zone) {
    if (!isLocal()) {
      return instant;
    }
    if (time == null) {
      throw new InvalidInput(name + "Time", "is required with " + name + "Date");
    }
    try {
      return moment().exactIn(zone.get());
    } catch (InvalidInput e) {
      throw e.field().equals("time") ? new InvalidInput(name + "Time", e.problem()) : e;
    }
  }

  private LocalMoment moment() {
    return time == null ? LocalMoment.startOf(date) : new LocalMoment(date, time);
  }
}
