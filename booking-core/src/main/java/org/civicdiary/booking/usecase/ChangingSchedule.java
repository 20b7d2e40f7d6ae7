/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;

/**
 * Changing an official's weekly windows (administrators only). Reservations the new schedule no
 * longer has time for are displaced, as with an absence.
 */
public final class ChangingSchedule {
  private final Context context;
  private final ReservationChanges changes;

  ChangingSchedule(Context context) {
    this.context = context;
    this.changes = new ReservationChanges(context);
  }

  public Displacement replaceWindows(StaffMember actor, OfficialId officialId, List<Window> windows) {
    requireAdmin(actor);
    requireAll("windows", windows);
    return context.storage.transactions().inTransaction(() -> {
      context.storage.diaries().lock(officialId);
      Official official = context.official(officialId);
      Office office = context.officeOf(official.department());
      for (int i = 0; i < windows.size(); i++) {
        requireOnGrid(office, "windows[" + i + "]", windows.get(i));
        requirePhoneShareFits(office, "windows[" + i + "].phoneSlots", windows.get(i));
        requireHandledAgendas(official, "windows[" + i + "].agendas", windows.get(i));
      }
      List<Window> before = context.storage.diaries().windows(officialId);
      context.storage.diaries().replaceWindows(officialId, List.copyOf(windows));
      Instant now = context.now();
      List<Reservation> displaced = changes.displaceComing(officialId, now, now.plus(LOOK_AHEAD), office.slotLength(),
          r -> !context.freeTime.fits(office, officialId, r.start(), r.agenda(), slotsOf(r, office), FreeTime.Ignore.BUSY));
      // New windows may add time; the matcher offers whatever is free then.
      context.freed(officialId, now, now.plus(LOOK_AHEAD));
      context.audit(actor, "diary.windows", officialId.value(), before.toString(),
          windows + " displaced=" + displaced.size());
      return new Displacement(officialId.value(), displaced);
    });
  }

  /** Sets a department's walk-in office hours (shown to citizens; never bookable). */
  public void replaceWalkInHours(StaffMember actor, DepartmentId department, List<WalkInHours> hours) {
    requireAdmin(actor);
    requireAll("hours", hours);
    context.storage.transactions().run(() -> {
      context.department(department);
      List<WalkInHours> before = context.storage.diaries().walkInHours(department);
      context.storage.diaries().replaceWalkInHours(department, List.copyOf(hours));
      context.audit(actor, "department.walk-in-hours", department.value(), before.toString(), hours.toString());
    });
  }

  /** The official's weekly windows; an official sees only their own. */
  public List<Window> windows(StaffMember actor, OfficialId official) {
    Context.permit(actor.mayManage(official), "see another official's schedule");
    return context.storage.diaries().windows(official);
  }

  private static int slotsOf(Reservation r, Office office) {
    return (int) (Duration.between(r.start(), r.end()).getSeconds() / office.slotLength().getSeconds());
  }

  /** How far ahead a change of an official's programme looks for reservations it displaces. */
  static final Duration LOOK_AHEAD = Duration.ofDays(3 * 366);

  static void requireAdmin(StaffMember actor) {
    Context.permit(actor.role() == Role.ADMIN, "change the office's configuration");
  }

  /** Window edges lie on the slot grid, so every diary shares one grid of slot starts. */
  static void requireOnGrid(Office office, String field, Window window) {
    if (!onGrid(window.start(), office) || !onGrid(window.end(), office)) {
      throw new InvalidInput(field, "must start and end on the " + office.slotMinutes() + "-minute grid");
    }
  }

  /** The phone share cannot keep more slots than each occurrence of the window has. */
  static void requirePhoneShareFits(Office office, String field, Window window) {
    int capacity = window.capacity(office.slotLength());
    if (window.phoneSlots() > capacity) {
      throw new InvalidInput(field, "must not exceed the window's " + capacity + " slots");
    }
  }

  /** A window serves only agendas its official handles: one it cannot serve would offer nothing. */
  private void requireHandledAgendas(Official official, String field, Window window) {
    for (AgendaId id : window.agendas()) {
      Optional<Agenda> agenda = context.storage.directory().agenda(id);
      if (agenda.isEmpty() || !agenda.get().department().equals(official.department())
          || !agenda.get().handledBy(official.id())) {
        throw new InvalidInput(field, "agenda " + id + " is not handled by official " + official.id());
      }
    }
  }

  private static boolean onGrid(LocalTime time, Office office) {
    return time.getMinute() % office.slotMinutes() == 0;
  }

  /** The list and each of its elements: a null inside comes from a client's {@code [null]}. */
  private static void requireAll(String field, List<?> list) {
    if (list == null) {
      throw new InvalidInput(field, "is required");
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new InvalidInput(field + "[" + i + "]", "is required");
      }
    }
  }
}
