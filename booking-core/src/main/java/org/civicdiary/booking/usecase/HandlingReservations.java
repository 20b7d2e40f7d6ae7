/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.ClosureDay;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.Window;

/**
 * Staff work on reservations: look them up, move or cancel them with a note, record how a meeting
 * went, and an official's day plan. Officials act on their own diary only; every change is audited.
 */
public final class HandlingReservations {
  private final Context context;
  private final ReservationChanges changes;

  HandlingReservations(Context context) {
    this.context = context;
    this.changes = new ReservationChanges(context);
  }

  public Reservation find(StaffMember actor, ReservationId id) {
    Reservation reservation = context.reservation(id);
    Context.permit(actor.mayManage(reservation.official()), "see another official's reservation");
    return reservation;
  }

  /** Searches; an official finds only reservations in their own diary. */
  public List<Reservation> search(StaffMember actor, ReservationSearch search) {
    Context.permit(actor.role() != Role.RECEPTION, "search reservations");
    ReservationSearch own = actor.role() == Role.OFFICIAL
        ? new ReservationSearch(search.text(), search.department(), actor.official(), search.status(),
            search.from(), search.to(), search.limit())
        : search;
    return context.storage.reservations().search(own);
  }

  /** Cancels on behalf of the office; the citizen is told, with the note. */
  public Reservation cancel(StaffMember actor, ReservationId id, String note) {
    String required = requireNote(note);
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = find(actor, id);
      changes.requireOpenAndAhead(reservation);
      Reservation cancelled = changes.end(reservation, Status.CANCELLED, required, MessageKind.CANCELLED_BY_OFFICE);
      context.audit(actor, "reservation.cancel", id.toString(), Context.describe(reservation), Context.describe(cancelled));
      return cancelled;
    });
  }

  /** ReservationChanges to another time or another official of the department; resolves a displaced reservation. */
  public Reservation move(StaffMember actor, ReservationId id, OfficialId official, Instant start, String note) {
    if (official == null) {
      throw new InvalidInput("official", "is required");
    }
    if (start == null) {
      throw new InvalidInput("start", "is required");
    }
    Context.permit(actor.mayManage(official), "move into another official's diary");
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = find(actor, id);
      if (!context.official(official).department().equals(reservation.department())) {
        throw new InvalidInput("official", "must be of the reservation's department");
      }
      Reservation moved = changes.move(reservation, official, start, note, true);
      context.audit(actor, "reservation.move", id.toString(), Context.describe(reservation), Context.describe(moved));
      return moved;
    });
  }

  /** Records that the meeting took place (COMPLETED) or the citizen did not come (NO_SHOW). */
  public Reservation recordOutcome(StaffMember actor, ReservationId id, Status outcome) {
    if (outcome != Status.COMPLETED && outcome != Status.NO_SHOW) {
      throw new InvalidInput("status", "must be COMPLETED or NO_SHOW");
    }
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = find(actor, id);
      if (reservation.status() != Status.ACTIVE) {
        throw new StateConflict("reservation " + id + " is " + reservation.status());
      }
      if (reservation.start().isAfter(context.now())) {
        throw new StateConflict("reservation " + id + " has not begun yet");
      }
      Reservation ended = changes.end(reservation, outcome, null, null);
      context.audit(actor, "reservation.outcome", id.toString(), Context.describe(reservation), Context.describe(ended));
      return ended;
    });
  }

  /** The official's day: windows that apply, absences and reservations of every status. */
  public DayPlan dayPlan(StaffMember actor, OfficialId officialId, LocalDate date) {
    if (date == null) {
      throw new InvalidInput("date", "is required");
    }
    Context.permit(actor.mayManage(officialId), "see another official's day plan");
    Official official = context.official(officialId);
    Office office = context.officeOf(official.department());
    Instant from = date.atStartOfDay(office.zone()).toInstant();
    Instant to = date.plusDays(1).atStartOfDay(office.zone()).toInstant();
    List<Window> windows = context.storage.diaries().windows(officialId).stream()
        .filter(w -> w.appliesOn(date))
        .filter(w -> w.opensOn(date, context.holidays(office).isHoliday(date)))
        .toList();
    List<Absence> absences = context.storage.diaries().absences(List.of(officialId), from, to);
    List<Reservation> reservations = context.storage.reservations().ofOfficial(officialId, from, to);
    List<CheckIn> checkIns = context.storage.checkIns().of(reservations.stream().map(Reservation::id).toList());
    List<ClosureDay> closures = context.storage.diaries().closureDays(office.id(), date, date).stream()
        .filter(c -> c.closes(official.department())).toList();
    return new DayPlan(officialId, date, context.holidays(office).holiday(date).orElse(null), windows, absences, reservations,
        checkIns, closures);
  }

  static String requireNote(String note) {
    if (note == null || note.isBlank()) {
      throw new InvalidInput("note", "is required: say why, for the citizen and the audit log");
    }
    if (note.strip().length() > 1000) {
      throw new InvalidInput("note", "must be at most 1000 characters");
    }
    return note.strip();
  }
}
