/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;

/** Administrators keep the directory: the office, departments, officials, agendas and deputies. */
public final class Administering {
  /** The most audit entries one read returns. */
  public static final int MAX_AUDIT_LIMIT = 1000;
  private final Context context;
  private final ReservationChanges changes;

  Administering(Context context) {
    this.context = context;
    this.changes = new ReservationChanges(context);
  }

  /**
   * The latest entries of the audit log, newest first; administrators only.
   *
   * @throws InvalidInput (field {@code limit}) unless it is 1 to {@value #MAX_AUDIT_LIMIT}
   */
  public List<AuditEntry> auditLog(StaffMember actor, int limit) {
    Context.permit(actor.role() == Role.ADMIN, "read the audit log");
    if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
      throw new InvalidInput("limit", "must be 1 to " + MAX_AUDIT_LIMIT);
    }
    List<AuditEntry> latest = context.storage.auditLog().latest(limit);
    if (actor.office() == null) {
      return latest;
    }
    // An office's administrator sees what their office's staff did, among the latest entries.
    java.util.Set<String> staff = new java.util.HashSet<>();
    for (org.civicdiary.booking.model.StaffAccount a : context.storage.staffAccounts().all()) {
      if (actor.office().equals(a.office())) {
        staff.add(a.username());
      }
    }
    return latest.stream().filter(e -> staff.contains(e.actor())).toList();
  }

  /**
   * Saves an office; a new one only by the deployment's administrator.
   *
   * @throws org.civicdiary.booking.error.NotFound if an office's administrator names another office
   */
  public void saveOffice(StaffMember actor, Office office) {
    ChangingSchedule.requireAdmin(actor);
    if (!actor.mayActIn(office.id())) {
      throw new org.civicdiary.booking.error.NotFound("office", office.id().value());
    }
    requireKnownCalendar(office);
    context.storage.transactions().run(() -> {
      Optional<Office> before = context.storage.directory().office(office.id());
      context.storage.directory().save(office);
      context.audit(actor, "office.save", office.id().value(), before.map(Object::toString).orElse(null), office.toString());
    });
  }

  /** An office names a calendar the deployment has: one it lacks would silently open every holiday. */
  void requireKnownCalendar(Office office) {
    if (context.holidays.named(office.holidayCalendar()).isEmpty()) {
      throw new InvalidInput("holidayCalendar", "no calendar named " + office.holidayCalendar() + " (known: "
          + String.join(", ", new java.util.TreeSet<>(context.holidays.names())) + ")");
    }
  }

  public void saveDepartment(StaffMember actor, Department department) {
    ChangingSchedule.requireAdmin(actor);
    context.storage.transactions().run(() -> {
      Optional<Department> before = context.storage.directory().department(department.id());
      context.storage.directory().save(department);
      context.audit(actor, "department.save", department.id().value(),
          before.map(Object::toString).orElse(null), department.toString());
    });
  }

  /**
   * Adds or changes an official. Deactivating one displaces their reservations to come, so that
   * operators re-arrange them with colleagues.
   */
  public Displacement saveOfficial(StaffMember actor, Official official) {
    ChangingSchedule.requireAdmin(actor);
    return context.storage.transactions().inTransaction(() -> {
      Optional<Official> before = context.storage.directory().official(official.id());
      context.storage.directory().save(official);
      context.storage.diaries().lock(official.id());
      List<Reservation> displaced = List.of();
      if (!official.active()) {
        Instant now = context.now();
        displaced = changes.displaceComing(official.id(), now, now.plus(ChangingSchedule.LOOK_AHEAD),
            context.officeOf(official.department()).slotLength(), r -> true);
      }
      context.audit(actor, "official.save", official.id().value(),
          before.map(Object::toString).orElse(null), official + " displaced=" + displaced.size());
      return new Displacement(official.id().value(), displaced);
    });
  }

  /** Adds or changes an agenda; every official named must belong to its department. */
  public void saveAgenda(StaffMember actor, Agenda agenda) {
    ChangingSchedule.requireAdmin(actor);
    context.storage.transactions().run(() -> {
      context.department(agenda.department());
      for (OfficialId id : agenda.officials()) {
        Official official = context.storage.directory().official(id)
            .orElseThrow(() -> new InvalidInput("officials", "official " + id + " does not exist"));
        if (!official.department().equals(agenda.department())) {
          throw new InvalidInput("officials", "official " + id + " is not of department " + agenda.department());
        }
      }
      Optional<Agenda> before = context.storage.directory().agenda(agenda.id());
      context.storage.directory().save(agenda);
      context.audit(actor, "agenda.save", agenda.id().value(), before.map(Object::toString).orElse(null), agenda.toString());
    });
  }

  /**
   * The official's deputies for each agenda that has any; administrators only.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such official
   */
  public List<Deputies> deputies(StaffMember actor, OfficialId official) {
    ChangingSchedule.requireAdmin(actor);
    return context.storage.transactions().inTransaction(() -> {
      context.official(official);
      return context.storage.directory().deputies(official);
    });
  }

  /**
   * Replaces the official's deputies for one agenda (an empty list removes them); administrators
   * only. The official must handle the agenda, and so must every deputy, who must be active.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such official or agenda
   * @throws InvalidInput (field {@code agenda}) if the official does not handle it, (field {@code
   *     deputies}) if a deputy does not exist, is inactive or does not handle the agenda
   */
  public void replaceDeputies(StaffMember actor, Deputies deputies) {
    ChangingSchedule.requireAdmin(actor);
    context.storage.transactions().run(() -> {
      context.official(deputies.official());
      Agenda agenda = context.agenda(deputies.agenda());
      if (!agenda.handledBy(deputies.official())) {
        throw new InvalidInput("agenda", "is not handled by official " + deputies.official());
      }
      for (OfficialId id : deputies.deputies()) {
        Official deputy = context.storage.directory().official(id)
            .orElseThrow(() -> new InvalidInput("deputies", "official " + id + " does not exist"));
        if (!deputy.active()) {
          throw new InvalidInput("deputies", "official " + id + " is inactive");
        }
        if (!agenda.handledBy(id)) {
          throw new InvalidInput("deputies", "official " + id + " does not handle agenda " + agenda.id());
        }
      }
      Deputies before = context.storage.directory().deputies(deputies.official(), deputies.agenda());
      context.storage.directory().save(deputies);
      context.audit(actor, "deputies.save", deputies.official().value(), before.toString(), deputies.toString());
    });
  }
}
