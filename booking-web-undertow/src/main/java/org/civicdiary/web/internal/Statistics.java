/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.internal.Views.WeekStatistics;

/**
 * Bookings per department and ISO week of the meeting (in the office's time zone): how many, by
 * channel, and how they ended (no-shows among them). Read one week at a time, so that a large
 * office stays within the search's limit; anonymised reservations count like any other.
 */
final class Statistics {
  static final int MAX_DAYS = 366;
  private static final int PER_WEEK = 10_000;
  private final CivicDiary diary;
  private final Storage storage;

  Statistics(CivicDiary diary, Storage storage) {
    this.diary = diary;
    this.storage = storage;
  }

  Reply weekly(Call call) {
    StaffMember actor = call.member();
    if (actor.role() == Role.OFFICIAL) {
      throw new NotPermitted("read the office's statistics");
    }
    LocalDate from = Bodies.required("from", call.date("from"));
    LocalDate to = Bodies.required("to", call.date("to"));
    if (to.isBefore(from)) {
      throw new InvalidInput("to", "must not be before from");
    }
    if (to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
      throw new InvalidInput("to", "the range must be at most " + MAX_DAYS + " days");
    }
    String only = call.query("department");
    List<Department> departments = only == null ? storage.directory().departments()
        : List.of(storage.directory().department(DepartmentId.of(only))
            .orElseThrow(() -> new org.civicdiary.booking.error.NotFound("department", only)));
    List<WeekStatistics> weeks = new java.util.ArrayList<>();
    boolean truncated = false;
    for (Department department : departments) {
      ZoneId zone = storage.directory().office(department.office()).map(Office::zone).orElse(Office.DEFAULT_ZONE);
      Map<LocalDate, Counts> byWeek = new TreeMap<>();
      for (LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !week.isAfter(to); week = week.plusWeeks(1)) {
        LocalDate first = week.isBefore(from) ? from : week;
        LocalDate last = week.plusDays(6).isAfter(to) ? to : week.plusDays(6);
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<Reservation> found = diary.handlingReservations().search(actor,
            new ReservationSearch(null, department.id(), null, null, start, end, PER_WEEK));
        truncated |= found.size() == PER_WEEK;
        Counts counts = byWeek.computeIfAbsent(week, w -> new Counts());
        for (Reservation r : found) {
          if (!r.start().isBefore(start) && r.start().isBefore(end)) {
            counts.add(r);
          }
        }
      }
      byWeek.forEach((week, c) -> weeks.add(c.view(department.id().value(), week)));
    }
    return Reply.ok(new Views.StatisticsView(from, to, truncated, weeks));
  }

  /** Tallies of one department's week. */
  private static final class Counts {
    int bookings;
    int web;
    int phone;
    int active;
    int displaced;
    int cancelled;
    int completed;
    int noShows;

    void add(Reservation r) {
      bookings++;
      if (r.channel() == Channel.WEB) {
        web++;
      } else {
        phone++;
      }
      switch (r.status()) {
        case ACTIVE -> active++;
        case DISPLACED -> displaced++;
        case CANCELLED -> cancelled++;
        case COMPLETED -> completed++;
        case NO_SHOW -> noShows++;
      }
    }

    WeekStatistics view(String department, LocalDate week) {
      String iso = week.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      return new WeekStatistics(department, iso, week, bookings, web, phone, active, displaced, cancelled, completed, noShows);
    }
  }
}
