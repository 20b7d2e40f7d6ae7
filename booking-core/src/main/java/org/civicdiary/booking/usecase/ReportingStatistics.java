/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.ReservationCount;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Waited;

/**
 * Bookings per department and ISO week of the meeting (in the office's time zone): how many, by
 * channel, and how they ended (no-shows among them). Counted by the storage, without a row limit;
 * anonymised reservations count like any other; and how the windows' phone shares were used.
 * Beside them, waiting times at the reception by department and week, and the no-show rate by
 * channel. Officials and the reception may not read them.
 */
public final class ReportingStatistics {
  private final Context context;

  ReportingStatistics(Context context) {
    this.context = context;
  }

  /** Every week of the range for each department, weeks without a booking included (all zero). */
  public Statistics weekly(StaffMember actor, StatisticsQuery query) {
    Context.permit(actor.role().worksEveryDiary(), "read the office's statistics");
    if (query.office() != null && !actor.mayActIn(query.office())) {
      throw new NotFound("office", query.office().value());
    }
    // Staff of one office count only its departments: the channels' no-show rates too.
    List<Department> departments = (query.department() == null ? context.storage.directory().departments()
        : List.of(context.department(query.department()))).stream()
        .filter(d -> actor.mayActIn(d.office()) && (query.office() == null || query.office().equals(d.office())))
        .toList();
    if (query.department() != null && departments.isEmpty()) {
      throw new NotFound("department", query.department().value());
    }
    Map<ZoneId, List<Department>> byZone = new LinkedHashMap<>();
    for (Department department : departments) {
      byZone.computeIfAbsent(context.officeOf(department.id()).zone(), z -> new ArrayList<>()).add(department);
    }
    List<LocalDate> weeks = weekStarts(query.from(), query.to());
    Map<Department, long[][]> tallies = new LinkedHashMap<>();
    departments.forEach(d -> tallies.put(d, new long[weeks.size()][Tally.values().length]));
    Map<DepartmentId, List<List<Long>>> waits = new LinkedHashMap<>();
    departments.forEach(d -> waits.put(d.id(), weeks.stream().map(w -> (List<Long>) new ArrayList<Long>()).toList()));
    long[][] outcomes = new long[Channel.values().length][2];
    byZone.forEach((zone, ofZone) -> {
      List<Instant> bounds = new ArrayList<>();
      bounds.add(query.from().atStartOfDay(zone).toInstant());
      weeks.stream().skip(1).forEach(monday -> bounds.add(monday.atStartOfDay(zone).toInstant()));
      bounds.add(query.to().plusDays(1).atStartOfDay(zone).toInstant());
      Map<DepartmentId, Department> byId = new LinkedHashMap<>();
      ofZone.forEach(d -> byId.put(d.id(), d));
      for (ReservationCount count : context.storage.reservations().count(List.copyOf(byId.keySet()), bounds)) {
        if (count.status().isHold()) {
          continue; // a waiting-list hold never taken was no booking
        }
        long[] week = tallies.get(byId.get(count.department()))[count.period()];
        week[Tally.BOOKINGS.ordinal()] += count.count();
        week[(count.channel() == Channel.WEB ? Tally.WEB : Tally.PHONE).ordinal()] += count.count();
        week[Tally.valueOf(count.status().name()).ordinal()] += count.count();
        if (count.status() == Status.COMPLETED || count.status() == Status.NO_SHOW) {
          outcomes[count.channel().ordinal()][count.status() == Status.COMPLETED ? 0 : 1] += count.count();
        }
      }
      for (Waited w : context.storage.checkIns().waited(byId.keySet(), bounds.get(0), bounds.get(bounds.size() - 1))) {
        LocalDate monday = LocalDate.ofInstant(w.meetingStart(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        waits.get(w.department()).get(weeks.indexOf(monday)).add(w.waited().toSeconds());
      }
    });
    List<WeekWaiting> waiting = new ArrayList<>();
    waits.forEach((department, byWeek) -> {
      for (int i = 0; i < weeks.size(); i++) {
        List<Long> seconds = byWeek.get(i).stream().sorted().toList();
        waiting.add(new WeekWaiting(department, isoWeek(weeks.get(i)), seconds.size(), percentile(seconds, 50),
            percentile(seconds, 90)));
      }
    });
    List<ChannelNoShows> noShows = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      long completed = outcomes[channel.ordinal()][0];
      long missed = outcomes[channel.ordinal()][1];
      noShows.add(new ChannelNoShows(channel, completed, missed,
          completed + missed == 0 ? 0 : (double) missed / (completed + missed)));
    }
    List<WeekCounts> result = new ArrayList<>();
    tallies.forEach((department, byWeek) -> {
      long[][] shares = PhoneShares.tally(context, department, weeks, query.from(), query.to());
      for (int i = 0; i < weeks.size(); i++) {
        LocalDate monday = weeks.get(i);
        long[] t = byWeek[i];
        long[] s = shares[i];
        result.add(new WeekCounts(department.id(), isoWeek(monday), monday, t[Tally.BOOKINGS.ordinal()],
            t[Tally.WEB.ordinal()], t[Tally.PHONE.ordinal()], t[Tally.ACTIVE.ordinal()], t[Tally.DISPLACED.ordinal()],
            t[Tally.CANCELLED.ordinal()], t[Tally.COMPLETED.ordinal()], t[Tally.NO_SHOW.ordinal()],
            s[PhoneShares.KEPT], s[PhoneShares.USED_BY_PHONE], s[PhoneShares.RELEASED_ONLINE]));
      }
    });
    return new Statistics(query.from(), query.to(), result, waiting, noShows);
  }

  /** The nearest-rank percentile of sorted values: the value at rank ceil(p/100 * n); null for none. */
  static Long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  /** The Mondays of the weeks the range touches, the first one on or before {@code from}. */
  private static List<LocalDate> weekStarts(LocalDate from, LocalDate to) {
    List<LocalDate> weeks = new ArrayList<>();
    for (LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !week.isAfter(to);
        week = week.plusWeeks(1)) {
      weeks.add(week);
    }
    return weeks;
  }

  static String isoWeek(LocalDate monday) {
    return monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The columns of one week's tally; the statuses by their names. */
  private enum Tally { BOOKINGS, WEB, PHONE, ACTIVE, DISPLACED, CANCELLED, COMPLETED, NO_SHOW }
}
