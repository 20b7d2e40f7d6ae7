/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
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
 * hours, kept in memory office by office. A booking read five of them, each a round trip, and they
 * change a few times a day. Every change sets a new random stamp ({@code office.directory_version})
 * on the offices it touches, in its unit of work; a reader checks the stamp of the office it asks
 * about once per unit of work (one small row) and reloads that office alone when it moved. So an
 * administrator's change in one town hall leaves every other town hall's entry warm, on every node,
 * and nodes sharing the database never answer from an older office than it holds.
 *
 * <p>Nothing is deployment-wide: an id is looked up in the office that holds it in memory, whose
 * stamp says whether that is still true (a department, official or agenda that moves to another
 * office stamps both). An id that no office holds, or one that its office no longer holds, makes
 * the reader check every office's stamp (one query, one row an office) before it answers "none".
 *
 * <p>Three rules keep it exact. A unit of work that has changed the directory reads the database
 * (its own changes are not committed yet) and keeps nothing. A unit of work that takes a diary's
 * lock checks the stamps again, because a programme change of that diary (new windows,
 * deactivation) that it waited for has just committed. Absences are not kept: they are read after
 * the lock on every booking, as the invariant "no booking inside an absence" needs.
 */
final class DirectoryCache {
  private static final String STAMPS_OF = "select id, directory_version from office where id = any(?)";
  private static final String ALL_STAMPS = "select id, directory_version from office";
  private static final String SET_STAMP = "update office set directory_version = ? where id = ?";
  private static final String STAMP_UNSTAMPED = "update office set directory_version = ? where directory_version = 0";
  /** The stamp of versions before 27, kept moving for their nodes during a rolling upgrade. */
  private static final String SET_DEPLOYMENT_STAMP = "update directory_stamp set stamp = ?";

  /** Reads the parts of these offices (each labelled with the stamp given); an office not found has none. */
  @FunctionalInterface
  interface Loader {
    Map<OfficeId, Part> load(Connection c, Map<OfficeId, Long> stamps) throws SQLException;
  }

  /** One office's part of the directory as of one stamp; lists sorted by id as the ports promise. */
  static final class Part {
    final long stamp;
    final Office office;
    final List<Department> departments;
    final List<Official> officials;
    final List<Agenda> agendas;
    private final Map<DepartmentId, Department> departmentById;
    private final Map<OfficialId, Official> officialById;
    private final Map<AgendaId, Agenda> agendaById;
    private final Map<OfficialId, List<Window>> windows;
    private final Map<DepartmentId, List<WalkInHours>> walkInHours;

    Part(long stamp, Office office, List<Department> departments, List<Official> officials, List<Agenda> agendas,
        Map<OfficialId, List<Window>> windows, Map<DepartmentId, List<WalkInHours>> walkInHours) {
      this.stamp = stamp;
      this.office = office;
      this.departments = sorted(departments, d -> d.id().value());
      this.officials = sorted(officials, o -> o.id().value());
      this.agendas = sorted(agendas, a -> a.id().value());
      this.departmentById = byId(departments, Department::id);
      this.officialById = byId(officials, Official::id);
      this.agendaById = byId(agendas, Agenda::id);
      this.windows = Map.copyOf(windows);
      this.walkInHours = Map.copyOf(walkInHours);
    }

    boolean has(DepartmentId id) {
      return departmentById.containsKey(id);
    }

    boolean has(OfficialId id) {
      return officialById.containsKey(id);
    }

    boolean has(AgendaId id) {
      return agendaById.containsKey(id);
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

    List<Window> windows(OfficialId official) {
      return windows.getOrDefault(official, List.of());
    }

    List<WalkInHours> walkInHours(DepartmentId department) {
      return walkInHours.getOrDefault(department, List.of());
    }

    private static <K, V> Map<K, V> byId(List<V> values, Function<V, K> id) {
      Map<K, V> map = new HashMap<>();
      values.forEach(v -> map.put(id.apply(v), v));
      return map;
    }

    private static <V> List<V> sorted(List<V> values, Function<V, String> id) {
      List<V> copy = new ArrayList<>(values);
      copy.sort(Comparator.comparing(id));
      return List.copyOf(copy);
    }
  }

  private final JdbcTransactions tx;
  private final Loader loader;
  private final boolean enabled;
  private final Map<OfficeId, Part> kept = new ConcurrentHashMap<>();

  DirectoryCache(JdbcTransactions tx, Loader loader, boolean enabled) {
    this.tx = tx;
    this.loader = loader;
    this.enabled = enabled;
  }

  /** Every office's part, sorted by office id; empty to read the database. */
  Optional<List<Part>> all() {
    if (!usable()) {
      return Optional.empty();
    }
    return Optional.ofNullable(tx.statement(this::everyOffice));
  }

  /** The part of this office (empty inside when there is no such office); empty to read the database. */
  Optional<Optional<Part>> ofOffice(OfficeId office) {
    if (!usable()) {
      return Optional.empty();
    }
    return Optional.ofNullable(tx.statement(c -> {
      Map<OfficeId, Part> current = current(c, Set.of(office));
      return current == null ? null : Optional.ofNullable(current.get(office));
    }));
  }

  Optional<Optional<Part>> ofDepartment(DepartmentId id) {
    return holding(p -> p.has(id));
  }

  Optional<Optional<Part>> ofOfficial(OfficialId id) {
    return holding(p -> p.has(id));
  }

  Optional<Optional<Part>> ofAgenda(AgendaId id) {
    return holding(p -> p.has(id));
  }

  /** Each asked official's windows, in the order asked (none for an unknown official); empty to read the database. */
  Optional<Map<OfficialId, List<Window>>> windows(Collection<OfficialId> officials) {
    if (!usable()) {
      return Optional.empty();
    }
    return Optional.ofNullable(tx.statement(c -> {
      Set<OfficialId> asked = new LinkedHashSet<>(officials);
      Set<OfficeId> offices = new HashSet<>();
      Part last = null;
      for (OfficialId official : asked) {
        // A department's officials share an office: try the last one's before searching them all.
        Part part = last != null && last.has(official) ? last : keptHolding(p -> p.has(official));
        if (part != null) {
          offices.add(part.office.id());
          last = part;
        }
      }
      Map<OfficeId, Part> current = current(c, offices);
      if (current == null) {
        return null;
      }
      Collection<Part> parts = current.values();
      if (!asked.stream().allMatch(o -> current.values().stream().anyMatch(p -> p.has(o)))) {
        parts = everyOffice(c);
        if (parts == null) {
          return null;
        }
      }
      Collection<Part> answering = parts;
      Map<OfficialId, List<Window>> result = new LinkedHashMap<>();
      for (OfficialId official : asked) {
        result.put(official, answering.stream().filter(p -> p.has(official)).findFirst()
            .map(p -> p.windows(official)).orElse(List.of()));
      }
      return result;
    }));
  }

  /** After a diary's lock: what this unit waited for may have changed the directory. */
  void checkAgain() {
    JdbcTransactions.Unit unit = tx.unitState();
    if (unit != null) {
      unit.checkedOffices.clear();
      unit.checkedAllOffices = false;
    }
  }

  private boolean usable() {
    JdbcTransactions.Unit unit = tx.unitState();
    return enabled && (unit == null || !unit.directoryWritten);
  }

  /** The part of the office that holds the key: first where this node last saw it, else after checking every office. */
  private Optional<Optional<Part>> holding(Predicate<Part> holds) {
    if (!usable()) {
      return Optional.empty();
    }
    return Optional.ofNullable(tx.statement(c -> {
      Part seen = keptHolding(holds);
      if (seen != null) {
        Map<OfficeId, Part> current = current(c, Set.of(seen.office.id()));
        if (current == null) {
          return null;
        }
        Part part = current.get(seen.office.id());
        if (part != null && holds.test(part)) {
          return Optional.of(part);
        }
      }
      List<Part> every = everyOffice(c);
      return every == null ? null : every.stream().filter(holds).findFirst();
    }));
  }

  private Part keptHolding(Predicate<Part> holds) {
    JdbcTransactions.Unit unit = tx.unitState();
    if (unit != null) {
      for (Part part : unit.checkedOffices.values()) {
        if (holds.test(part)) {
          return part;
        }
      }
    }
    for (Part part : kept.values()) {
      if (holds.test(part)) {
        return part;
      }
    }
    return null;
  }

  /** Every office's current part, or null when an office is unstamped. */
  private List<Part> everyOffice(Connection c) throws SQLException {
    JdbcTransactions.Unit unit = tx.unitState();
    if (unit != null && unit.checkedAllOffices) {
      return sortedParts(unit.checkedOffices.values());
    }
    Map<OfficeId, Long> stamps = stamps(c, ALL_STAMPS);
    kept.keySet().retainAll(stamps.keySet());
    Map<OfficeId, Part> current = current(c, stamps);
    if (current == null) {
      return null;
    }
    if (unit != null) {
      unit.checkedAllOffices = true;
    }
    return sortedParts(current.values());
  }

  /** The current parts of these offices (those that exist), or null when one of them is unstamped. */
  private Map<OfficeId, Part> current(Connection c, Set<OfficeId> offices) throws SQLException {
    JdbcTransactions.Unit unit = tx.unitState();
    Map<OfficeId, Part> result = new HashMap<>();
    Set<OfficeId> unchecked = new HashSet<>();
    for (OfficeId office : offices) {
      Part checked = unit == null ? null : unit.checkedOffices.get(office);
      if (checked != null) {
        result.put(office, checked);
      } else if (unit == null || !unit.checkedAllOffices) {
        unchecked.add(office);
      }
    }
    if (unchecked.isEmpty()) {
      return result;
    }
    Map<OfficeId, Long> stamps = stamps(c, STAMPS_OF, Sql.texts(c, unchecked.stream().map(OfficeId::value).toList()));
    Map<OfficeId, Part> fresh = current(c, stamps);
    if (fresh == null) {
      return null;
    }
    result.putAll(fresh);
    return result;
  }

  /** The parts at these stamps: kept ones where the stamp still matches, the others read now (after the stamps). */
  private Map<OfficeId, Part> current(Connection c, Map<OfficeId, Long> stamps) throws SQLException {
    if (stamps.containsValue(BusyCache.UNSTAMPED)) {
      return null; // written behind the adapter's back: nothing to compare with
    }
    Map<OfficeId, Part> result = new HashMap<>();
    Map<OfficeId, Long> stale = new HashMap<>();
    stamps.forEach((office, stamp) -> {
      Part part = kept.get(office);
      if (part != null && part.stamp == stamp) {
        result.put(office, part);
      } else {
        stale.put(office, stamp);
      }
    });
    if (!stale.isEmpty()) {
      Map<OfficeId, Part> loaded = loader.load(c, stale);
      kept.putAll(loaded);
      result.putAll(loaded);
    }
    JdbcTransactions.Unit unit = tx.unitState();
    if (unit != null) {
      unit.checkedOffices.putAll(result);
    }
    return result;
  }

  private static Map<OfficeId, Long> stamps(Connection c, String sql, Object... params) throws SQLException {
    Map<OfficeId, Long> stamps = new HashMap<>();
    for (Map.Entry<String, Long> row : Sql.list(c, sql, rs -> Map.entry(rs.getString(1), rs.getLong(2)), params)) {
      stamps.put(OfficeId.of(row.getKey()), row.getValue());
    }
    return stamps;
  }

  private static List<Part> sortedParts(Collection<Part> parts) {
    List<Part> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparing(p -> p.office.id().value()));
    return sorted;
  }

  /**
   * Marks the offices that the query (of office ids) names as changed, in the caller's unit of
   * work, each once; in a fixed order, so that two units of work stamping the same offices queue
   * instead of deadlocking. Also a unit that stamps nothing (an unknown id) reads the database from
   * now on.
   */
  static void stamp(JdbcTransactions tx, Connection c, String officesQuery, Object... params) throws SQLException {
    stamp(tx, c, Sql.list(c, officesQuery, rs -> rs.getString(1), params));
  }

  /** Marks these offices as changed (see {@link #stamp(JdbcTransactions, Connection, String, Object...)}). */
  static void stamp(JdbcTransactions tx, Connection c, Collection<String> offices) throws SQLException {
    JdbcTransactions.Unit unit = tx.unitState();
    if (unit == null || !unit.directoryWritten) {
      Sql.update(c, SET_DEPLOYMENT_STAMP, BusyCache.newStamp());
    }
    for (String office : new TreeSet<>(offices)) {
      if (unit == null || unit.stampedOffices.add(office)) {
        Sql.update(c, SET_STAMP, BusyCache.newStamp(), office);
      }
    }
    if (unit != null) {
      unit.directoryWritten = true;
      unit.checkedOffices.clear();
      unit.checkedAllOffices = false;
    }
  }

  /** A new office gets its first stamp (an earlier {@link #stamp} in its unit found no row yet). */
  static void stampNew(Connection c, String office) throws SQLException {
    Sql.update(c, STAMP_UNSTAMPED + " and id = ?", BusyCache.newStamp(), office);
  }

  /** Offices that no adapter has written yet (or only a version before stamps) get a stamp. */
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
