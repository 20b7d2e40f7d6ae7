/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;

/**
 * Free time citizens may book: of one official, or of every active official of a department who
 * handles the agenda ("first available"). Only times within the booking horizon and after the
 * minimum notice are offered; free/busy only, never who booked.
 */
public final class FindingFreeSlots {
  /** The longest range one query may ask for, so a query cannot ask the server for years. */
  public static final int MAX_DAYS = 93;
  private final Context context;

  FindingFreeSlots(Context context) {
    this.context = context;
  }

  public List<FreeSlot> ofOfficial(OfficialId officialId, AgendaId agendaId, LocalDate from, LocalDate to) {
    Objects.requireNonNull(officialId, "official");
    Agenda agenda = context.agenda(Objects.requireNonNull(agendaId, "agenda"));
    Official official = context.official(officialId);
    if (!official.department().equals(agenda.department()) || !agenda.handledBy(officialId)) {
      throw new InvalidInput("agenda", "is not handled by official " + officialId);
    }
    if (!official.active()) {
      return List.of();
    }
    return find(context.officeOf(official.department()), List.of(officialId), agenda, from, to);
  }

  public List<FreeSlot> ofDepartment(DepartmentId departmentId, AgendaId agendaId, LocalDate from, LocalDate to) {
    Agenda agenda = context.agenda(Objects.requireNonNull(agendaId, "agenda"));
    if (!agenda.department().equals(Objects.requireNonNull(departmentId, "department"))) {
      throw new NotFound("agenda", agendaId.value());
    }
    List<OfficialId> officials = new ArrayList<>();
    for (Official official : context.storage.directory().officials(departmentId)) {
      if (official.active() && agenda.handledBy(official.id())) {
        officials.add(official.id());
      }
    }
    return find(context.officeOf(departmentId), officials, agenda, from, to);
  }

  private List<FreeSlot> find(Office office, List<OfficialId> officials, Agenda agenda, LocalDate from, LocalDate to) {
    Context.requireDates(from, to, MAX_DAYS);
    Instant earliest = context.now().plus(office.policy().minimumNotice());
    LocalDate today = context.today(office);
    LocalDate first = from.isBefore(today) ? today : from;
    LocalDate lastDay = today.plusDays(office.policy().horizonDays());
    LocalDate last = to.isAfter(lastDay) ? lastDay : to;
    return context.freeTime.find(office, officials, first, last, earliest, agenda.slots(), FreeTime.Ignore.NOTHING);
  }
}
