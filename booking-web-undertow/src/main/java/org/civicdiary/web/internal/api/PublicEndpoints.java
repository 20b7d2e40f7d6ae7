/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.internal.api.Views.DayView;
import org.civicdiary.web.internal.api.Views.DepartmentSlotView;
import org.civicdiary.web.internal.api.Views.DepartmentView;
import org.civicdiary.web.internal.api.Views.SlotView;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Json;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.ResponseCache;
import org.civicdiary.web.internal.http.Route;

/**
 * What anyone may read: the departments with their officials, agendas and walk-in hours, and free
 * time (days with free time for a calendar, slots of a range for picking a time). Free/busy only:
 * nothing here says who booked.
 */
final class PublicEndpoints {
  private final CivicDiary diary;
  private final ResponseCache cache;

  PublicEndpoints(CivicDiary diary, ResponseCache cache) {
    this.diary = diary;
    this.cache = cache;
  }

  Reply directory(Call call) {
    return cache.json("directory", () -> Json.write(new Views.DirectoryView(
        diary.readingDirectory().offices().stream().map(Views.OfficeView::of).toList(),
        diary.readingDirectory().departments().stream().map(this::department).toList())));
  }

  /**
   * One office's part of {@link #directory}, for a portal or widget of that office in a deployment
   * of several; 404 for an office there is not.
   */
  Reply officeDirectory(Call call) {
    OfficeId office = OfficeId.of(call.path("office"));
    Office found = diary.readingDirectory().offices().stream().filter(o -> o.id().equals(office)).findFirst()
        .orElseThrow(() -> new NotFound("office", office.value()));
    return cache.json("directory " + office, () -> Json.write(new Views.DirectoryView(List.of(Views.OfficeView.of(found)),
        diary.readingDirectory().departments().stream().filter(d -> d.office().equals(office)).map(this::department)
            .toList())));
  }

  /**
   * The action under {@code /offices/{office}}: a department or official of another office (or of
   * none there is) is not found there.
   */
  Route.Action inOffice(Route.Action action, boolean ofOfficial) {
    return call -> {
      OfficeId office = OfficeId.of(call.path("office"));
      String id = call.path("id");
      DepartmentId department = ofOfficial ? diary.readingDirectory().official(OfficialId.of(id)).department()
          : DepartmentId.of(id);
      if (!diary.readingDirectory().department(department).office().equals(office)) {
        throw new NotFound(ofOfficial ? "official" : "department", id);
      }
      return action.handle(call);
    };
  }

  Reply department(Call call) {
    DepartmentId id = DepartmentId.of(call.path("id"));
    return cache.json("department " + id, () -> Json.write(department(diary.readingDirectory().department(id))));
  }

  Reply officialSlots(Call call) {
    OfficialId official = OfficialId.of(call.path("id"));
    Range range = Range.of(call);
    return cache.json("official-slots " + official + " " + range, () -> Json.write(new Views.OfficialSlots(
        official.value(), range.agenda.value(),
        diary.findingFreeSlots().ofOfficial(official, range.agenda, range.from, range.to).stream()
            .map(SlotView::of).toList())));
  }

  Reply officialDays(Call call) {
    OfficialId official = OfficialId.of(call.path("id"));
    Range range = Range.of(call);
    return cache.json("official-days " + official + " " + range, () -> Json.write(new Views.OfficialDays(
        official.value(), range.agenda.value(),
        days(diary.findingFreeSlots().daysOfOfficial(official, range.agenda, range.from, range.to)))));
  }

  /** Asked by the widget when an official's diary shows no free time: whom to offer instead. */
  Reply deputyOffer(Call call) {
    OfficialId official = OfficialId.of(call.path("id"));
    AgendaId agenda = AgendaId.of(call.requiredQuery("agenda"));
    return cache.json("deputy-offer " + official + " " + agenda, () -> Json.write(new Views.DeputyOfferView(
        official.value(), agenda.value(),
        diary.findingFreeSlots().deputyOffer(official, agenda).map(SlotView::of).orElse(null))));
  }

  Reply departmentSlots(Call call) {
    DepartmentId department = DepartmentId.of(call.path("id"));
    Range range = Range.of(call);
    return cache.json("department-slots " + department + " " + range, () -> {
      List<FreeSlot> free = diary.findingFreeSlots().ofDepartment(department, range.agenda, range.from, range.to);
      return Json.write(new Views.DepartmentSlots(department.value(), range.agenda.value(), firstAvailable(free)));
    });
  }

  Reply departmentDays(Call call) {
    DepartmentId department = DepartmentId.of(call.path("id"));
    Range range = Range.of(call);
    return cache.json("department-days " + department + " " + range, () -> Json.write(new Views.DepartmentDays(
        department.value(), range.agenda.value(),
        days(diary.findingFreeSlots().daysOfDepartment(department, range.agenda, range.from, range.to)))));
  }

  private DepartmentView department(Department d) {
    List<Agenda> agendas = diary.readingDirectory().agendas(d.id());
    return DepartmentView.of(d, diary.readingDirectory().walkInHours(d.id()),
        diary.readingDirectory().officials(d.id()).stream().map(o -> Views.OfficialView.of(o, agendas)).toList(),
        agendas.stream().map(Views.AgendaView::of).toList());
  }

  static List<DayView> days(Map<LocalDate, Integer> free) {
    List<DayView> days = new ArrayList<>(free.size());
    free.forEach((day, n) -> days.add(new DayView(day, n)));
    return days;
  }

  /**
   * One entry per start time. Which free official is suggested rotates with the time, so that
   * "first available" does not pile every booking onto the official whose id sorts first.
   */
  private static List<DepartmentSlotView> firstAvailable(List<FreeSlot> free) {
    List<DepartmentSlotView> result = new ArrayList<>();
    int i = 0;
    while (i < free.size()) {
      int j = i;
      while (j < free.size() && free.get(j).start().equals(free.get(i).start())) {
        j++;
      }
      List<FreeSlot> same = free.subList(i, j);
      int pick = Math.floorMod(free.get(i).start().getEpochSecond() / 60, same.size());
      FreeSlot chosen = same.get(pick);
      List<String> others = new ArrayList<>(same.size() - 1);
      for (FreeSlot s : same) {
        if (s != chosen) {
          others.add(s.official().value());
        }
      }
      result.add(new DepartmentSlotView(chosen.start(), chosen.end(), chosen.official().value(), chosen.place(), others));
      i = j;
    }
    return result;
  }

  /** The query of a free-time request: agenda and days [from, to] ({@code to} defaults to {@code from}). */
  record Range(AgendaId agenda, LocalDate from, LocalDate to) {
    static Range of(Call call) {
      AgendaId agenda = AgendaId.of(call.requiredQuery("agenda"));
      LocalDate from = call.date("from");
      if (from == null) {
        throw new org.civicdiary.booking.error.InvalidInput("from", "is required");
      }
      LocalDate to = call.date("to");
      return new Range(agenda, from, to == null ? from : to);
    }

    @Override
    public String toString() {
      return agenda + " " + from + " " + to;
    }
  }
}
