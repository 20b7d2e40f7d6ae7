/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.port.Directory;

final class MemoryDirectory implements Directory {
  private final MemoryTransactions tx;
  private final Map<String, Office> offices = new TreeMap<>();
  private final Map<String, Department> departments = new TreeMap<>();
  private final Map<String, Official> officials = new TreeMap<>();
  private final Map<String, Agenda> agendas = new TreeMap<>();
  /** Keyed by official, then agenda; lists are never empty. */
  private final Map<String, Map<String, Deputies>> deputies = new TreeMap<>();

  MemoryDirectory(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public List<Office> offices() {
    return tx.locked(() -> List.copyOf(offices.values()));
  }

  @Override
  public Optional<Office> office(OfficeId id) {
    return tx.locked(() -> Optional.ofNullable(offices.get(id.value())));
  }

  @Override
  public void save(Office office) {
    tx.locked(() -> tx.put(offices, office.id().value(), office));
  }

  @Override
  public List<Department> departments() {
    return tx.locked(() -> List.copyOf(departments.values()));
  }

  @Override
  public Optional<Department> department(DepartmentId id) {
    return tx.locked(() -> Optional.ofNullable(departments.get(id.value())));
  }

  @Override
  public void save(Department department) {
    tx.locked(() -> {
      if (!offices.containsKey(department.office().value())) {
        throw new NotFound("office", department.office().value());
      }
      tx.put(departments, department.id().value(), department);
    });
  }

  @Override
  public List<Official> officials(DepartmentId department) {
    return tx.locked(() -> officials.values().stream().filter(o -> o.department().equals(department)).toList());
  }

  @Override
  public Optional<Official> official(OfficialId id) {
    return tx.locked(() -> Optional.ofNullable(officials.get(id.value())));
  }

  @Override
  public void save(Official official) {
    tx.locked(() -> {
      if (!departments.containsKey(official.department().value())) {
        throw new NotFound("department", official.department().value());
      }
      tx.put(officials, official.id().value(), official);
    });
  }

  @Override
  public List<Agenda> agendas(DepartmentId department) {
    return tx.locked(() -> agendas.values().stream().filter(a -> a.department().equals(department)).toList());
  }

  @Override
  public Optional<Agenda> agenda(AgendaId id) {
    return tx.locked(() -> Optional.ofNullable(agendas.get(id.value())));
  }

  @Override
  public void save(Agenda agenda) {
    tx.locked(() -> {
      if (!departments.containsKey(agenda.department().value())) {
        throw new NotFound("department", agenda.department().value());
      }
      for (OfficialId official : agenda.officials()) {
        if (!officials.containsKey(official.value())) {
          throw new NotFound("official", official.value());
        }
      }
      tx.put(agendas, agenda.id().value(), agenda);
      List<Deputies> kept = deputies.values().stream().map(lists -> lists.get(agenda.id().value()))
          .filter(list -> list != null).toList();
      for (Deputies list : kept) {
        List<OfficialId> stillHandling = agenda.handledBy(list.official())
            ? list.deputies().stream().filter(agenda::handledBy).toList() : List.of();
        putDeputies(list.official().value(), new Deputies(list.official(), list.agenda(), stillHandling));
      }
    });
  }

  @Override
  public List<Deputies> deputies(OfficialId official) {
    return tx.locked(() -> List.copyOf(deputies.getOrDefault(official.value(), Map.of()).values()));
  }

  @Override
  public Deputies deputies(OfficialId official, AgendaId agenda) {
    return tx.locked(() -> deputies.getOrDefault(official.value(), Map.of())
        .getOrDefault(agenda.value(), Deputies.none(official, agenda)));
  }

  @Override
  public void save(Deputies list) {
    tx.locked(() -> {
      List<OfficialId> named = new ArrayList<>(list.deputies());
      named.add(list.official());
      for (OfficialId official : named) {
        if (!officials.containsKey(official.value())) {
          throw new NotFound("official", official.value());
        }
      }
      if (!agendas.containsKey(list.agenda().value())) {
        throw new NotFound("agenda", list.agenda().value());
      }
      putDeputies(list.official().value(), list);
    });
  }

  /** Sets one list, copying the official's map so that a rolled-back transaction restores the old one. */
  private void putDeputies(String official, Deputies list) {
    Map<String, Deputies> lists = new TreeMap<>(deputies.getOrDefault(official, Map.of()));
    if (list.deputies().isEmpty()) {
      lists.remove(list.agenda().value());
    } else {
      lists.put(list.agenda().value(), list);
    }
    tx.put(deputies, official, lists);
  }
}
