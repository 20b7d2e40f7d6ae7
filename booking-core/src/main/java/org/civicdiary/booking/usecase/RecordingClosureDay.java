/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.ClosureDay;
import org.civicdiary.booking.model.ClosureDayId;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.StaffMember;

/**
 * Closing an office or one department for a day beyond the public holidays (31 December, an
 * election day). Its diaries offer no time that day, and the meetings booked then are displaced
 * exactly as an absence displaces them: their citizens are told and they go on the worklist, where
 * operators see proposals. Administrators of the office do this.
 */
public final class RecordingClosureDay {
  /** How far back and ahead one listing may reach: a couple of years of closures is a short list. */
  public static final int MAX_DAYS = 800;
  private final Context context;
  private final ReservationChanges changes;

  RecordingClosureDay(Context context) {
    this.context = context;
    this.changes = new ReservationChanges(context);
  }

  /**
   * Closes the office or department on the date and displaces the meetings booked then.
   *
   * @throws org.civicdiary.booking.error.NotPermitted unless an administrator
   * @throws NotFound if there is no such office (or not one the actor administers) or department
   * @throws InvalidInput (field {@code department}) for a department of another office, ({@code date})
   *     for a past date
   * @throws StateConflict if the office or department is already closed that day
   */
  public Displacement record(StaffMember actor, ClosureDayRequest request) {
    ChangingSchedule.requireAdmin(actor);
    Office office = office(actor, request.office());
    if (request.department() != null) {
      Department department = context.storage.directory().department(request.department())
          .orElseThrow(() -> new NotFound("department", request.department().value()));
      if (!department.office().equals(office.id())) {
        throw new InvalidInput("department", "is not a department of office " + office.id());
      }
    }
    if (request.date().isBefore(context.today(office))) {
      throw new InvalidInput("date", "must not be in the past");
    }
    ClosureDay day = new ClosureDay(ClosureDayId.random(), office.id(), request.department(), request.date(),
        request.reason());
    return context.storage.transactions().inTransaction(() -> {
      List<Official> closed = officials(day);
      // The diaries first, as an absence does: a booking racing the closure either waits and
      // then sees the closed day, or is already committed and displaced below.
      closed.forEach(o -> context.storage.diaries().lock(o.id()));
      boolean twice = context.storage.diaries().closureDays(office.id(), day.date(), day.date()).stream()
          .anyMatch(d -> d.department() == null || d.department().equals(day.department()));
      if (twice) {
        throw new StateConflict("already closed on " + day.date());
      }
      context.storage.diaries().add(day);
      Instant from = day.date().atStartOfDay(office.zone()).toInstant();
      Instant to = day.date().plusDays(1).atStartOfDay(office.zone()).toInstant();
      List<Reservation> displaced = new ArrayList<>();
      for (Official official : closed) {
        displaced.addAll(changes.displaceComing(official.id(), from, to, office.slotLength(), r -> true));
      }
      context.audit(actor, "closure.record", day.id().toString(), null, describe(day) + " displaced=" + displaced.size());
      return new Displacement(day.id().toString(), displaced);
    });
  }

  /**
   * The office's closure days on the dates [from, to], of the whole office and of its departments.
   *
   * @throws InvalidInput (field {@code from} or {@code to}) for a missing or too long range
   */
  public List<ClosureDay> closureDays(StaffMember actor, OfficeId officeId, LocalDate from, LocalDate to) {
    ChangingSchedule.requireAdmin(actor);
    Context.requireDates(from, to, MAX_DAYS);
    Office office = office(actor, officeId);
    return context.storage.diaries().closureDays(office.id(), from, to);
  }

  /** Reopens the day; meetings it displaced stay on the worklist until resolved, as after an absence. */
  public void remove(StaffMember actor, ClosureDayId id) {
    ChangingSchedule.requireAdmin(actor);
    context.storage.transactions().run(() -> {
      ClosureDay day = context.storage.diaries().closureDay(id)
          .filter(d -> actor.mayActIn(d.office()))
          .orElseThrow(() -> new NotFound("closureDay", id.toString()));
      Office office = office(actor, day.office());
      context.storage.diaries().remove(id);
      Instant from = day.date().atStartOfDay(office.zone()).toInstant();
      Instant to = day.date().plusDays(1).atStartOfDay(office.zone()).toInstant();
      for (Official official : officials(day)) {
        context.freed(official.id(), from, to);
      }
      context.audit(actor, "closure.remove", id.toString(), describe(day), null);
    });
  }

  private Office office(StaffMember actor, OfficeId id) {
    if (!actor.mayActIn(id)) {
      throw new NotFound("office", id.value());
    }
    return context.storage.directory().office(id).orElseThrow(() -> new NotFound("office", id.value()));
  }

  /** The officials whose diaries the day closes, in id order (the order their diaries are locked in). */
  private List<Official> officials(ClosureDay day) {
    List<Official> officials = new ArrayList<>();
    for (Department department : context.storage.directory().departments()) {
      if (department.office().equals(day.office()) && day.closes(department.id())) {
        officials.addAll(context.storage.directory().officials(department.id()));
      }
    }
    officials.sort(java.util.Comparator.comparing(o -> o.id().value()));
    return officials;
  }

  private static String describe(ClosureDay day) {
    return "office=" + day.office() + (day.department() == null ? "" : " department=" + day.department())
        + " date=" + day.date();
  }
}
