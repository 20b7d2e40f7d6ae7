/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Statistics;
import org.civicdiary.booking.usecase.StatisticsQuery;
import org.civicdiary.web.internal.api.Views.WeekStatistics;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;

/**
 * Bookings per department and ISO week of the meeting, as the core counts them (officials may not
 * read them).
 */
final class StatisticsEndpoints {
  private final CivicDiary diary;
  private final OfficeScope scope;

  StatisticsEndpoints(CivicDiary diary, OfficeScope scope) {
    this.diary = diary;
    this.scope = scope;
  }

  Reply weekly(Call call) {
    String department = call.query("department");
    String office = call.query("office");
    StatisticsQuery query = new StatisticsQuery(call.date("from"), call.date("to"),
        department == null ? null : DepartmentId.of(department), office == null ? null : OfficeId.of(office));
    Statistics statistics = diary.reportingStatistics().weekly(call.member(), query);
    return Reply.ok(new Views.StatisticsView(statistics.from(), statistics.to(), statistics.weeks().stream()
        .filter(w -> scope.showsDepartment(call, w.department()))
        .map(w -> new WeekStatistics(w.department().value(), w.week(), w.weekStart(), w.bookings(), w.web(), w.phone(),
            w.active(), w.displaced(), w.cancelled(), w.completed(), w.noShows(), w.phoneShare(), w.phoneShareUsed(),
            w.phoneShareReleasedOnline()))
        .toList(),
        statistics.waiting().stream().map(w -> new Views.WaitingStatistics(w.department().value(), w.week(), w.visits(),
            w.medianSeconds(), w.p90Seconds())).toList(),
        statistics.noShows().stream().map(n -> new Views.NoShowStatistics(n.channel().name(), n.completed(),
            n.noShows(), n.rate())).toList()));
  }
}
