/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;

/**
 * The reception and the meeting: today's booked citizens, checking one in by booking code or from
 * the list, the official calling them in and ending the meeting, and the hall's "now serving"
 * screen. The reception, operators and administrators check in; officials start and end meetings
 * in their own diary, operators and administrators in any. Every change is audited.
 */
public final class CheckingIn {
  /** Statuses of the citizens a day's list shows: booked, and those whose meeting is over. */
  private static final Set<Status> BOOKED = EnumSet.of(Status.ACTIVE, Status.COMPLETED, Status.NO_SHOW);
  private static final int DAY_LIMIT = 10_000;
  private final Context context;
  private final ReservationChanges changes;

  CheckingIn(Context context) {
    this.context = context;
    this.changes = new ReservationChanges(context);
  }

  /**
   * Today's booked citizens of the office (in its time zone), by time and department, with their
   * check-ins.
   *
   * @param officeId null for the actor's own office, or the deployment's first for staff of no office
   * @throws NotFound for an office the actor does not work in, as for one that does not exist
   */
  public List<Visit> today(StaffMember actor, OfficeId officeId) {
    permitReception(actor);
    Office office = office(officeId == null ? actor.office() : officeId);
    if (!actor.mayActIn(office.id())) {
      throw new NotFound("office", office.id().value());
    }
    List<Reservation> booked = todaysReservations(office);
    Map<ReservationId, CheckIn> checkIns = context.storage.checkIns().of(booked.stream().map(Reservation::id).toList())
        .stream().collect(Collectors.toMap(CheckIn::reservation, Function.identity()));
    return booked.stream()
        .map(r -> new Visit(r, context.official(r.official()), checkIns.get(r.id())))
        .toList();
  }

  /**
   * Checks in the citizen of this booking code: their open reservation, or the latest one of the
   * code if none is open (to say why it cannot be checked in).
   *
   * @throws NotFound if no reservation has the code
   * @throws StateConflict if it is not an active reservation of today, or is checked in already
   */
  public Visit checkIn(StaffMember actor, BookingCode code) {
    permitReception(actor);
    List<Reservation> found = context.storage.reservations()
        .search(new ReservationSearch(code.value(), null, null, null, null, null, 100)).stream()
        .filter(r -> r.code().equals(code))
        // another office's citizen is not there for this reception, as if the code were unknown
        .filter(r -> actor.mayActIn(context.officeOf(r.department()).id()))
        .toList();
    Reservation reservation = found.stream().filter(r -> r.status().isOpen()).findFirst()
        .or(() -> found.stream().max(Comparator.comparing(Reservation::start)))
        .orElseThrow(() -> new NotFound("booking code", code.value()));
    return checkIn(actor, reservation.id());
  }

  /**
   * Checks in the citizen of this reservation (a click on the day's list), recording the arrival
   * now. Two receptionists at once record one arrival; the second is refused.
   *
   * @throws StateConflict if it is not an active reservation of today, or is checked in already
   */
  public Visit checkIn(StaffMember actor, ReservationId id) {
    permitReception(actor);
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = inActorsOffice(actor, context.reservation(id));
      // Serialises with moves and cancellations of the same diary, so a check-in never lands on a
      // reservation that a concurrent change is ending.
      context.storage.diaries().lock(reservation.official());
      reservation = context.reservation(id);
      if (reservation.status() != Status.ACTIVE) {
        throw new StateConflict("reservation " + id + " is " + reservation.status() + ": it cannot be checked in");
      }
      Office office = context.officeOf(reservation.department());
      LocalDate day = LocalDate.ofInstant(reservation.start(), office.zone());
      if (!day.equals(context.today(office))) {
        throw new StateConflict("reservation " + id + " is on " + day + ", not today");
      }
      CheckIn checkIn = CheckIn.arrived(id, context.now(), actor.username());
      if (!context.storage.checkIns().add(checkIn)) {
        throw new StateConflict("reservation " + id + " is checked in already");
      }
      context.audit(actor, "reservation.check-in", id.toString(), null, "arrivedAt=" + checkIn.arrivedAt());
      return new Visit(reservation, context.official(reservation.official()), checkIn);
    });
  }

  /**
   * The official calls the checked-in citizen in: the meeting starts now.
   *
   * @throws StateConflict if the reservation is not active, the citizen is not checked in, or the
   *     meeting has started already
   */
  public Visit start(StaffMember actor, ReservationId id) {
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = ownActive(actor, id);
      CheckIn checkIn = context.storage.checkIns().find(id)
          .orElseThrow(() -> new StateConflict("reservation " + id + " is not checked in"));
      if (!checkIn.waiting()) {
        throw new StateConflict("the meeting of reservation " + id + " has started already");
      }
      CheckIn started = checkIn.started(context.now());
      context.storage.checkIns().update(started);
      context.audit(actor, "reservation.start", id.toString(), null, "startedAt=" + started.startedAt());
      return new Visit(reservation, context.official(reservation.official()), started);
    });
  }

  /**
   * The official ends the meeting: the reservation is COMPLETED, as its outcome would record.
   *
   * @throws StateConflict if the reservation is not active or its meeting has not started
   */
  public Visit end(StaffMember actor, ReservationId id) {
    return context.storage.transactions().inTransaction(() -> {
      Reservation reservation = ownActive(actor, id);
      CheckIn checkIn = context.storage.checkIns().find(id).filter(CheckIn::inMeeting)
          .orElseThrow(() -> new StateConflict("the meeting of reservation " + id + " has not started"));
      CheckIn ended = checkIn.ended(context.now());
      context.storage.checkIns().update(ended);
      Reservation completed = changes.end(reservation, Status.COMPLETED, null, null);
      context.audit(actor, "reservation.end", id.toString(), Context.describe(reservation),
          Context.describe(completed) + " endedAt=" + ended.endedAt());
      return new Visit(completed, context.official(reservation.official()), ended);
    });
  }

  /**
   * The hall's screen: who is called in and where, and who waits, by booking code only. Public:
   * it needs no staff member.
   *
   * @param officeId null for the deployment's first office
   */
  public NowServing nowServing(OfficeId officeId) {
    Office office = office(officeId);
    List<Reservation> booked = todaysReservations(office);
    Map<ReservationId, Reservation> byId = booked.stream()
        .collect(Collectors.toMap(Reservation::id, Function.identity()));
    List<CheckIn> checkIns = context.storage.checkIns().of(byId.keySet());
    List<NowServing.Called> called = checkIns.stream()
        .filter(CheckIn::inMeeting)
        .sorted(Comparator.comparing(CheckIn::startedAt).reversed())
        .map(c -> {
          Reservation r = byId.get(c.reservation());
          Official official = context.official(r.official());
          return new NowServing.Called(r.code(), official.room() == null ? official.name() : official.room(),
              c.startedAt());
        })
        .toList();
    List<BookingCode> waiting = checkIns.stream()
        .filter(CheckIn::waiting)
        .filter(c -> byId.get(c.reservation()).status() == Status.ACTIVE)
        .sorted(Comparator.comparing(CheckIn::arrivedAt))
        .map(c -> byId.get(c.reservation()).code())
        .toList();
    return new NowServing(office.id(), context.now(), called, waiting);
  }

  /** The active reservation, in a diary the actor may manage (the reception may manage none). */
  private Reservation ownActive(StaffMember actor, ReservationId id) {
    Reservation reservation = inActorsOffice(actor, context.reservation(id));
    Context.permit(actor.mayManage(reservation.official()), "start or end a meeting in another official's diary");
    context.storage.diaries().lock(reservation.official());
    reservation = context.reservation(id);
    if (reservation.status() != Status.ACTIVE) {
      throw new StateConflict("reservation " + id + " is " + reservation.status());
    }
    return reservation;
  }

  /** Staff of one office never reach another's reservations: those are not found for them. */
  private Reservation inActorsOffice(StaffMember actor, Reservation reservation) {
    if (!actor.mayActIn(context.officeOf(reservation.department()).id())) {
      throw new NotFound("reservation", reservation.id().toString());
    }
    return reservation;
  }

  /** The office's reservations of today that were booked, by start, then department. */
  private List<Reservation> todaysReservations(Office office) {
    LocalDate today = context.today(office);
    Instant from = today.atStartOfDay(office.zone()).toInstant();
    Instant to = today.plusDays(1).atStartOfDay(office.zone()).toInstant();
    Set<DepartmentId> departments = context.storage.directory().departments().stream()
        .filter(d -> d.office().equals(office.id()))
        .map(Department::id)
        .collect(Collectors.toSet());
    return context.storage.reservations()
        .search(new ReservationSearch(null, null, null, null, from, to, DAY_LIMIT)).stream()
        .filter(r -> departments.contains(r.department()) && BOOKED.contains(r.status()))
        .filter(r -> !r.start().isBefore(from))
        .sorted(Comparator.comparing(Reservation::start).thenComparing(r -> r.department().value()))
        .toList();
  }

  private Office office(OfficeId id) {
    if (id == null) {
      return context.storage.directory().offices().stream().findFirst()
          .orElseThrow(() -> new NotFound("office", "any"));
    }
    return context.storage.directory().office(id).orElseThrow(() -> new NotFound("office", id.value()));
  }

  private static void permitReception(StaffMember actor) {
    Context.permit(actor.role() == Role.RECEPTION || actor.role().worksEveryDiary(), "check citizens in");
  }
}
