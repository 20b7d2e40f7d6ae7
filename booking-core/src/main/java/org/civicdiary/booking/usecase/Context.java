/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.holidays.HolidayCalendars;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreedTime;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WebhookEvent;
import org.civicdiary.booking.model.WebhookEventType;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.Storage;

/** What every use case needs: the ports, the clock, and the look-ups and notices they share. */
final class Context {
  private static final int CODE_ATTEMPTS = 20;
  final Storage storage;
  final Clock clock;
  final HolidayCalendars holidays;
  final SecureRandom random;
  final FreeTime freeTime;
  /** Messages a citizen's own actions may send one mailbox a day ({@link CivicDiary.Builder#messagesPerMailboxPerDay}). */
  final int messagesPerMailboxPerDay;

  Context(Storage storage, Clock clock, HolidayCalendars holidays, SecureRandom random, int messagesPerMailboxPerDay) {
    this.messagesPerMailboxPerDay = messagesPerMailboxPerDay;
    this.storage = storage;
    this.clock = clock;
    this.holidays = holidays;
    this.random = random;
    this.freeTime = new FreeTime(storage, holidays, clock);
  }

  /** The office's public holidays. */
  HolidayCalendar holidays(Office office) {
    return holidays.of(office);
  }

  Instant now() {
    return clock.instant();
  }

  LocalDate today(Office office) {
    return LocalDate.ofInstant(now(), office.zone());
  }

  Department department(DepartmentId id) {
    return storage.directory().department(id).orElseThrow(() -> new NotFound("department", id.value()));
  }

  Office officeOf(DepartmentId id) {
    Department department = department(id);
    return storage.directory().office(department.office())
        .orElseThrow(() -> new NotFound("office", department.office().value()));
  }

  Official official(OfficialId id) {
    return storage.directory().official(id).orElseThrow(() -> new NotFound("official", id.value()));
  }

  Agenda agenda(AgendaId id) {
    return storage.directory().agenda(id).orElseThrow(() -> new NotFound("agenda", id.value()));
  }

  Reservation reservation(ReservationId id) {
    return storage.reservations().find(id).orElseThrow(() -> new NotFound("reservation", id.toString()));
  }

  /**
   * A new reservation of the agenda's length at {@code start}: the one place reservations are made
   * (a booking, a waiting-list hold), so that what every new reservation gets is set once.
   */
  Reservation newReservation(Official official, Agenda agenda, Office office, Instant start, Citizen citizen,
      String topic, Channel channel, Language language, Status status) {
    Instant now = now();
    Instant end = start.plus(office.slotLength().multipliedBy(agenda.slots()));
    return new Reservation(ReservationId.random(), freshCode(), official.department(), official.id(), agenda.id(),
        start, end, citizen, topic, channel, language, status, now, now, 0, 0, null);
  }

  /**
   * A code no open reservation has. A collision is rare (see {@link BookingCode}) and costs one
   * more draw; the store's unique key still refuses two units of work that draw the same code at once.
   */
  private BookingCode freshCode() {
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      BookingCode code = BookingCode.generate(random);
      if (!storage.reservations().codeInUse(code)) {
        return code;
      }
    }
    throw new IllegalStateException("no free booking code in " + CODE_ATTEMPTS + " draws: is the random source broken?");
  }
  /**
   * Notes that time in the official's diary may have become free, for the waiting-list matcher; in
   * the unit of work of the change that freed it.
   */
  void freed(OfficialId official, Instant from, Instant to) {
    storage.waitingList().recordFreed(FreedTime.of(official, from, to, now()));
  }

  /** Writes the message to the outbox (same unit of work) if the citizen gave an e-mail address. */
  void notify(Reservation reservation, MessageKind kind) {
    notifyAt(reservation, kind, now());
  }

  /** Tells the citizen of a move, with the official and time before it, so the message can say which changed. */
  void notifyMoved(Reservation moved, Reservation before) {
    if (moved.citizen().email() != null) {
      storage.outbox().add(OutboxMessage.aboutMove(moved, before, MessageKind.RESCHEDULED, now()));
    }
  }

  void notifyAt(Reservation reservation, MessageKind kind, Instant dueAt) {
    if (reservation.citizen().email() != null) {
      storage.outbox().add(OutboxMessage.about(reservation, kind, now(), dueAt));
    }
  }

  /**
   * Writes the event for every webhook endpoint that wants it, in the same unit of work; whether
   * or not the citizen gave an e-mail address.
   */
  void publish(Reservation reservation, WebhookEventType type) {
    storage.webhooks().publish(WebhookEvent.about(reservation, type, officeOf(reservation.department()).zone(), now()));
  }

  /** Schedules the reminder, unless its time has already passed. */
  void remind(Reservation reservation, Office office) {
    Instant due = reservation.start().minus(office.policy().reminderLead());
    if (due.isAfter(now())) {
      notifyAt(reservation, MessageKind.REMINDER, due);
    }
  }

  void audit(StaffMember actor, String action, String subject, String before, String after) {
    storage.auditLog().record(new AuditEntry(now(), actor.username(), action, subject, before, after));
  }

  /** A range of dates, both included, of at most {@code maxDays} days. */
  static void requireDates(LocalDate from, LocalDate to, int maxDays) {
    requireDates(from, to, maxDays, null);
  }

  /** As {@link #requireDates(LocalDate, LocalDate, int)}; the refusal names where the limit comes from. */
  static void requireDates(LocalDate from, LocalDate to, int maxDays, String limitedBy) {
    if (from == null) {
      throw new InvalidInput("from", "is required");
    }
    if (to == null) {
      throw new InvalidInput("to", "is required");
    }
    if (to.isBefore(from)) {
      throw new InvalidInput("to", "must not be before from");
    }
    if (to.toEpochDay() - from.toEpochDay() >= maxDays) {
      throw new InvalidInput("to", "the range must be at most " + maxDays + " days"
          + (limitedBy == null ? "" : " (" + limitedBy + ")"));
    }
  }

  static void permit(boolean allowed, String action) {
    if (!allowed) {
      throw new NotPermitted(action);
    }
  }

  /**
   * What the audit log keeps of a reservation: ids, times and status, no personal data. Not the
   * note's text either: staff write callers' names and circumstances there, and the audit log is
   * kept after the reservation is anonymised. The note stays on the reservation until then.
   */
  static String describe(Reservation r) {
    return "status=" + r.status() + " official=" + r.official() + " agenda=" + r.agenda()
        + " start=" + r.start() + " end=" + r.end() + " channel=" + r.channel()
        + (r.note() == null ? "" : " note=written");
  }
}
