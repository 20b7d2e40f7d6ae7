/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.ZoneId;
import java.util.List;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WalkInHours;

/**
 * Reading the directory: what anyone may see (offices, departments, active officials, agendas,
 * walk-in hours), and what only staff may see (inactive officials too). Look-ups by id throw
 * {@link org.civicdiary.booking.error.NotFound}.
 */
public final class ReadingDirectory {
  private final Context context;

  ReadingDirectory(Context context) {
    this.context = context;
  }

  public List<Office> offices() {
    return context.storage.directory().offices();
  }

  /**
   * The names of the public-holiday calendars this deployment knows ({@code CZ} and those plugged
   * in), sorted: what an office's {@link Office#holidayCalendar()} may name.
   */
  public List<String> holidayCalendars() {
    return context.holidays.names().stream().sorted().toList();
  }

  public List<Department> departments() {
    return context.storage.directory().departments();
  }

  public Department department(DepartmentId id) {
    return context.department(id);
  }

  /** The time zone of the department's office, in which its diaries are written. */
  public ZoneId zoneOf(DepartmentId id) {
    return context.officeOf(id).zone();
  }

  public Official official(OfficialId id) {
    return context.official(id);
  }

  public Agenda agenda(AgendaId id) {
    return context.agenda(id);
  }

  /** The department's active officials: the ones citizens may book. */
  public List<Official> officials(DepartmentId department) {
    return context.storage.directory().officials(department).stream().filter(Official::active).toList();
  }

  /** Every official of the department, inactive ones too; staff only (any role). */
  public List<Official> allOfficials(StaffMember actor, DepartmentId department) {
    java.util.Objects.requireNonNull(actor, "actor");
    return context.storage.directory().officials(department);
  }

  public List<Agenda> agendas(DepartmentId department) {
    return context.storage.directory().agendas(department);
  }

  public List<WalkInHours> walkInHours(DepartmentId department) {
    return context.storage.diaries().walkInHours(department);
  }
}
