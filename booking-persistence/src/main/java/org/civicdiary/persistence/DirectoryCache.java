/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;

/**
 * The directory (offices, departments, officials, agendas) and the diaries' windows and walk-in
 * hours, kept in memory. A booking read five of them, each a round trip, and they change a few
 * times a day. Every change sets a new random stamp in {@code directory_stamp} in its unit of work;
 * a reader checks the stamp once per unit of work (one small row) and reloads everything when it
 * moved, so nodes sharing the database never answer from an older directory than it holds.
 *
 * <p>Three rules keep it exact. A unit of work that has changed the directory reads the database
 * (its own changes are not committed yet) and keeps nothing. A unit of work that takes a diary's
 * lock checks the stamp again, because a programme change of that diary (new windows, deactivation)
 * that it waited for has just committed. Absences are not kept: they are read after the lock on
 * every booking, as the invariant "no booking inside an absence" needs.
 */
final class DirectoryCache {
  private static final String STAMP = "select stamp from directory_stamp";
  private static final String SET_STAMP = "update directory_stamp set stamp = ?";
  private static final String STAMP_UNSTAMPED = "update directory_stamp set stamp = ? where stamp = 0";

  /** Reads the whole directory. */
  @FunctionalInterface
  interface Loader {
    Snapshot load(Connection c, long stamp) throws SQLException;
  }

  /** The whole directory as of one stamp; lists sorted by id as the ports promise. */
  static final class Snapshot {
    final long stamp;
    final List<Office> offices;
    final List<Department> departments;
    final List<Official> officials;
    final List<Agenda> agendas;
    private final Map<OfficeId, Office> officeById;
    private final Map<DepartmentId, Department> departmentById;
    private final Map<OfficialId, Official> officialById;
    private final Map<AgendaId, Agenda> agendaById;
    private final Map<OfficialId, List<Window>> windows;
    private final Map<DepartmentId, List<WalkInHours>> walkInHours;

    Snapshot(long stamp, List<Office> offices, List<Department> departments, List<Official> officials,
        List<Agenda> agendas, Map<OfficialId, List<Window>> windows, Map<DepartmentId, List<WalkInHours>> walkInHours) {
      this.stamp = stamp;
      this.offices = List.copyOf(offices);
      this.departments = List.copyOf(departments);
      this.officials = List.copyOf(officials);
      this.agendas = List.copyOf(agendas);
      this.officeById = byId(offices, Office::id);
      this.departmentById = byId(departments, Department::id);
      this.officialById = byId(officials, Official::id);
      this.agendaById = byId(agendas, Agenda::id);
      this.windows = Map.copyOf(windows);
      this.walkInHours = Map.copyOf(walkInHours);
    }

    Optional<Office> office(OfficeId id) {
      return Optional.ofNullable(officeById.get(id));
    }

    Optional<Department> department(DepartmentId id) {
      return Optional.ofNullable(departmentById.get(id));
    }

    Optional<Official> official(OfficialId id) {
      return Optional.ofNullable(officialById.get(id));
    }

    Optional<Agenda> agenda(AgendaId id) {
      return Optional.ofNullable(agendaById.get(id));
    }

    List<Official> officials(DepartmentId department) {
      return officials.stream().filter(o -> o.department().equals(department)).toList();
    }

    List<Agenda> agendas(DepartmentId department) {
      return agendas.stream().filter(a -> a.department().equals(department)).toList();
    }

    /** Each asked official's windows, in the order asked; none for an unknown official. */
    Map<OfficialId, List<Window>> windows(Collection<OfficialId> officials) {
      Map<OfficialId, List<Window>> result = new LinkedHashMap<>();
      for (OfficialId official : new LinkedHashSet<>(officials)) {
        result.put(official, windows.getOrDefault(official, List.of()));
      }
      return result;
    }

    List<WalkInHours> walkInHours(DepartmentId department) {
      return walkInHours.getOrDefault(department, List.of());
    }

    private static <K, V> Map<K, V> byId(List<V> values, Function<V, K> id) {
      Map<K, V> map = new HashMap<>();
      values.forEach(v -> map.put(id.apply(v), v));
      return map;
    }
  }

  private final JdbcTransactions tx;
  private final Loader loader;
  private volatile Snapshot kept;

  DirectoryCache(JdbcTransactions tx, Loader loader) {
    this.tx = tx;
    this.loader = loader;
  }

  /** The directory to answer from, or empty to read the database. */
  Optional<Snapshot> snapshot() {
    JdbcTransactions.Unit unit = tx.unitState();
    if (unit != null && unit.directoryWritten) {
      return Optional.empty();
    }
    if (unit != null && unit.directory != null) {
      return Optional.of(unit.directory);
    }
    Snapshot current = tx.statement(c -> {
      long stamp = Sql.one(c, STAMP, rs -> rs.getLong(1)).orElse(0L);
      Snapshot known = kept;
      if (stamp == 0) {
        return null; // written behind the adapter's back: nothing to compare with
      }
      if (known != null && known.stamp == stamp) {
        return known;
      }
      // Read after the stamp, so never older than it (see BusyCache for the same reasoning).
      Snapshot loaded = loader.load(c, stamp);
      kept = loaded;
      return loaded;
    });
    if (unit != null) {
      unit.directory = current;
    }
    return Optional.ofNullable(current);
  }

  /** After a diary's lock: what this unit waited for may have changed the directory. */
  void checkAgain() {
    JdbcTransactions.Unit unit = tx.unitState();
    if (unit != null) {
      unit.directory = null;
    }
  }

  /** Marks the directory as changed, once per unit of work (the row lock queues directory writers). */
  static void stamp(JdbcTransactions tx, Connection c) throws SQLException {
    JdbcTransactions.Unit unit = tx.unitState();
    if (unit != null && unit.directoryWritten) {
      return;
    }
    Sql.update(c, SET_STAMP, BusyCache.newStamp());
    if (unit != null) {
      unit.directoryWritten = true;
      unit.directory = null;
    }
  }

  /** A database that no adapter has written yet (or only a version before stamps) gets a stamp. */
  static void stampIfUnstamped(Connection c) throws SQLException {
    Sql.update(c, STAMP_UNSTAMPED, BusyCache.newStamp());
  }

  /** For the loader: groups rows by a key, keeping their order. */
  static <K, V> Map<K, List<V>> grouped(List<Map.Entry<K, V>> rows) {
    Map<K, List<V>> result = new HashMap<>();
    for (Map.Entry<K, V> row : rows) {
      result.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
    }
    result.replaceAll((k, list) -> List.copyOf(list));
    return result;
  }
}
