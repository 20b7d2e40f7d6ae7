/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.ClosureDayId;
import org.civicdiary.booking.model.ClosureDay;
import java.time.LocalDate;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Diaries;

final class MemoryDiaries implements Diaries {
  private final MemoryTransactions tx;
  private final MemoryDirectory directory;
  private final Map<OfficialId, List<Window>> windows = new HashMap<>();
  private final Map<DepartmentId, List<WalkInHours>> walkIn = new HashMap<>();
  private final Map<AbsenceId, Absence> absences = new LinkedHashMap<>();
  private final Map<ClosureDayId, ClosureDay> closureDays = new LinkedHashMap<>();

  MemoryDiaries(MemoryTransactions tx, MemoryDirectory directory) {
    this.tx = tx;
    this.directory = directory;
  }

  /** Units of work are serial here already; only the official's existence is checked. */
  @Override
  public void lock(OfficialId official) {
    if (directory.official(official).isEmpty()) {
      throw new NotFound("official", official.value());
    }
  }

  @Override
  public List<Window> windows(OfficialId official) {
    return tx.locked(() -> windows.getOrDefault(official, List.of()));
  }

  @Override
  public void replaceWindows(OfficialId official, List<Window> list) {
    tx.locked(() -> tx.put(windows, official, List.copyOf(list)));
  }

  @Override
  public List<WalkInHours> walkInHours(DepartmentId department) {
    return tx.locked(() -> walkIn.getOrDefault(department, List.of()));
  }

  @Override
  public void replaceWalkInHours(DepartmentId department, List<WalkInHours> hours) {
    tx.locked(() -> tx.put(walkIn, department, List.copyOf(hours)));
  }

  @Override
  public List<Absence> absences(Collection<OfficialId> officials, Instant from, Instant to) {
    Set<OfficialId> wanted = new HashSet<>(officials);
    return tx.locked(() -> absences.values().stream()
        .filter(a -> wanted.contains(a.official()) && a.overlaps(from, to))
        .sorted(Comparator.comparing(Absence::start))
        .toList());
  }

  @Override
  public Optional<Absence> absence(AbsenceId id) {
    return tx.locked(() -> Optional.ofNullable(absences.get(id)));
  }

  @Override
  public void add(Absence absence) {
    tx.locked(() -> tx.put(absences, absence.id(), absence));
  }

  @Override
  public boolean remove(AbsenceId id) {
    return tx.locked(() -> tx.remove(absences, id) != null);
  }

  @Override
  public List<ClosureDay> closureDays(OfficeId office, LocalDate from, LocalDate to) {
    return tx.locked(() -> closureDays.values().stream()
        .filter(d -> d.office().equals(office) && !d.date().isBefore(from) && !d.date().isAfter(to))
        .sorted(Comparator.comparing(ClosureDay::date).thenComparing(d -> d.id().value()))
        .toList());
  }

  @Override
  public Optional<ClosureDay> closureDay(ClosureDayId id) {
    return tx.locked(() -> Optional.ofNullable(closureDays.get(id)));
  }

  @Override
  public void add(ClosureDay day) {
    tx.locked(() -> {
      if (directory.office(day.office()).isEmpty()) {
        throw new NotFound("office", day.office().value());
      }
      tx.put(closureDays, day.id(), day);
    });
  }

  @Override
  public boolean remove(ClosureDayId id) {
    return tx.locked(() -> tx.remove(closureDays, id) != null);
  }
}
