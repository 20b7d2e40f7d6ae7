/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;

/**
 * The offices, departments, officials and agendas. Lists are ordered by id. Saving replaces the
 * record with the same id or adds it. Every method may throw {@link
 * org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface Directory {
  List<Office> offices();

  Optional<Office> office(OfficeId id);

  void save(Office office);

  List<Department> departments();

  Optional<Department> department(DepartmentId id);

  /** @throws org.civicdiary.booking.error.NotFound if its office does not exist */
  void save(Department department);

  /** Officials of a department, active or not. */
  List<Official> officials(DepartmentId department);

  Optional<Official> official(OfficialId id);

  /** @throws org.civicdiary.booking.error.NotFound if its department does not exist */
  void save(Official official);

  List<Agenda> agendas(DepartmentId department);

  Optional<Agenda> agenda(AgendaId id);

  /**
   * Saves the agenda. Deputies lists of the agenda lose every official who no longer handles it,
   * as the stood-in-for official (the whole list goes) or as a deputy, so no list names someone
   * who cannot stand in.
   *
   * @throws org.civicdiary.booking.error.NotFound if its department or one of its officials does not exist
   */
  void save(Agenda agenda);

  /** The official's deputies for each agenda that has any, ordered by agenda id. */
  List<Deputies> deputies(OfficialId official);

  /** The official's deputies for the agenda in their order; an empty list when there are none. */
  Deputies deputies(OfficialId official, AgendaId agenda);

  /**
   * Replaces the official's deputies for the agenda; an empty list removes them. Whether each may
   * stand in is the caller's check.
   *
   * @throws org.civicdiary.booking.error.NotFound if the official, the agenda or a deputy does not exist
   */
  void save(Deputies deputies);
}
