/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.ClosureDayId;
import org.civicdiary.booking.model.ClosureDay;
import java.util.Comparator;
import org.civicdiary.booking.model.AgendaId;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.Set;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Diaries;

final class JdbcDiaries implements Diaries {
  private static final String WINDOWS = """
      select official_id, weekday, start_time, end_time, valid_from, valid_until, holiday_openings,
             place_name, place_address, place_description_cs, place_description_en, phone_slots, phone_percent,
             agendas
      from diary_window
      where official_id = any(?)
      order by official_id, ordinal
      """;
  private static final String DELETE_WINDOWS = "delete from diary_window where official_id = ?";
  private static final String INSERT_WINDOW = """
      insert into diary_window (official_id, ordinal, weekday, start_time, end_time, valid_from, valid_until,
                                holiday_openings, place_name, place_address, place_description_cs,
                                place_description_en, phone_slots, phone_percent, agendas)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String WALK_IN_HOURS = """
      select weekday, start_time, end_time
      from walk_in_hours
      where department_id = ?
      order by ordinal
      """;
  private static final String DELETE_WALK_IN_HOURS = "delete from walk_in_hours where department_id = ?";
  private static final String INSERT_WALK_IN_HOURS = """
      insert into walk_in_hours (department_id, ordinal, weekday, start_time, end_time)
      values (?, ?, ?, ?, ?)
      """;
  private static final String ABSENCES = """
      select id, official_id, start_at, end_at, kind, reason
      from absence
      """;
  private static final String OVERLAPPING_ABSENCES = ABSENCES + """
      where official_id = any(?) and end_at > ? and start_at < ?
      order by start_at, id
      """;
  private static final String INSERT_ABSENCE = """
      insert into absence (id, official_id, start_at, end_at, kind, reason)
      values (?, ?, ?, ?, ?, ?)
      """;

  private static final String CLOSURE_DAYS = """
      select id, office_id, department_id, closed_on, reason
      from closure_day
      """;
  private static final String INSERT_CLOSURE_DAY = """
      insert into closure_day (id, office_id, department_id, closed_on, reason)
      values (?, ?, ?, ?, ?)
      """;

  private static final String WINDOWS_OF_OFFICES = """
      select w.official_id, w.weekday, w.start_time, w.end_time, w.valid_from, w.valid_until, w.holiday_openings,
             w.place_name, w.place_address, w.place_description_cs, w.place_description_en, w.phone_slots,
             w.phone_percent, w.agendas
      from diary_window w
      join official o on o.id = w.official_id
      join department d on d.id = o.department_id
      where d.office_id = any(?)
      order by w.official_id, w.ordinal
      """;
  private static final String WALK_IN_HOURS_OF_OFFICES = """
      select h.department_id, h.weekday, h.start_time, h.end_time
      from walk_in_hours h
      join department d on d.id = h.department_id
      where d.office_id = any(?)
      order by h.department_id, h.ordinal
      """;
  private static final String OFFICE_OF_DEPARTMENT = "select office_id from department where id = ?";
  private static final String OFFICE_OF_OFFICIAL = """
      select d.office_id from official o join department d on d.id = o.department_id where o.id = ?
      """;

  private final JdbcTransactions tx;
  private final DirectoryCache cache;

  JdbcDiaries(JdbcTransactions tx, DirectoryCache cache) {
    this.tx = tx;
    this.cache = cache;
  }

  /** The windows of these offices' officials (office ids as an SQL array), for {@link DirectoryCache}. */
  static Map<OfficialId, List<Window>> windowsOfOffices(Connection c, Object offices) throws SQLException {
    return DirectoryCache.grouped(Sql.list(c, WINDOWS_OF_OFFICES,
        rs -> Map.entry(OfficialId.of(rs.getString("official_id")), window(rs)), offices));
  }

  /** The walk-in hours of these offices' departments (office ids as an SQL array), for {@link DirectoryCache}. */
  static Map<DepartmentId, List<WalkInHours>> walkInHoursOfOffices(Connection c, Object offices) throws SQLException {
    return DirectoryCache.grouped(Sql.list(c, WALK_IN_HOURS_OF_OFFICES,
        rs -> Map.entry(DepartmentId.of(rs.getString("department_id")), walkInHours(rs)), offices));
  }

  /**
   * Takes the lock by stamping the official's busy time (see {@link BusyCache}): the update locks
   * the row until the unit of work ends, and the booking or move that follows needs the new stamp
   * anyway, so it costs no round trip of its own. On PostgreSQL an update of a non-key column takes
   * the row's NO KEY lock, which does not block the foreign-key checks of other units of work that
   * insert rows referencing the official.
   */
  @Override
  public void lock(OfficialId official) {
    boolean exists = tx.statement(c -> BusyCache.stampForLock(tx, c, official.value()));
    cache.checkAgain();
    if (!exists) {
      throw new NotFound("official", official.value());
    }
  }

  @Override
  public List<Window> windows(OfficialId official) {
    return windows(List.of(official)).get(official);
  }

  @Override
  public Map<OfficialId, List<Window>> windows(Collection<OfficialId> officials) {
    Optional<Map<OfficialId, List<Window>>> kept = cache.windows(officials);
    if (kept.isPresent()) {
      return kept.get();
    }
    Map<OfficialId, List<Window>> result = new LinkedHashMap<>();
    for (OfficialId official : new LinkedHashSet<>(officials)) {
      result.put(official, new ArrayList<>());
    }
    List<String> ids = result.keySet().stream().map(OfficialId::value).toList();
    tx.statement(c -> Sql.list(c, WINDOWS, rs -> result.get(OfficialId.of(rs.getString("official_id"))).add(window(rs)),
        Sql.texts(c, ids)));
    result.replaceAll((official, windows) -> List.copyOf(windows));
    return result;
  }

  @Override
  public void replaceWindows(OfficialId official, List<Window> windows) {
    tx.atomically(c -> {
      DirectoryCache.stamp(tx, c, OFFICE_OF_OFFICIAL, official.value());
      Sql.update(c, DELETE_WINDOWS, official.value());
      List<Object[]> rows = new ArrayList<>();
      for (Window w : windows) {
        Place place = w.place();
        rows.add(new Object[] {official.value(), rows.size(), w.day().getValue(), w.start(), w.end(), w.validFrom(),
            w.validUntil(), joined(w.holidayOpenings(), LocalDate::toString), place == null ? null : place.name(),
            place == null ? null : place.address(), PlaceColumns.descriptionCs(place), PlaceColumns.descriptionEn(place),
            w.phoneSlots(), w.phonePercent(), joined(w.agendas(), AgendaId::value)});
      }
      Sql.batch(c, INSERT_WINDOW, rows);
      return null;
    });
  }

  @Override
  public List<WalkInHours> walkInHours(DepartmentId department) {
    Optional<Optional<DirectoryCache.Part>> kept = cache.ofDepartment(department);
    if (kept.isPresent()) {
      return kept.get().map(p -> p.walkInHours(department)).orElse(List.of());
    }
    return tx.statement(c -> Sql.list(c, WALK_IN_HOURS, JdbcDiaries::walkInHours, department.value()));
  }

  private static WalkInHours walkInHours(ResultSet rs) throws SQLException {
    return new WalkInHours(DayOfWeek.of(rs.getInt("weekday")), rs.getObject("start_time", LocalTime.class),
        rs.getObject("end_time", LocalTime.class));
  }

  @Override
  public void replaceWalkInHours(DepartmentId department, List<WalkInHours> hours) {
    tx.atomically(c -> {
      DirectoryCache.stamp(tx, c, OFFICE_OF_DEPARTMENT, department.value());
      Sql.update(c, DELETE_WALK_IN_HOURS, department.value());
      List<Object[]> rows = new ArrayList<>();
      for (WalkInHours h : hours) {
        rows.add(new Object[] {department.value(), rows.size(), h.day().getValue(), h.start(), h.end()});
      }
      Sql.batch(c, INSERT_WALK_IN_HOURS, rows);
      return null;
    });
  }

  @Override
  public List<Absence> absences(Collection<OfficialId> officials, Instant from, Instant to) {
    List<String> ids = officials.stream().map(OfficialId::value).distinct().toList();
    return tx.statement(c -> Sql.list(c, OVERLAPPING_ABSENCES, JdbcDiaries::absence, Sql.texts(c, ids), from, to));
  }

  @Override
  public Optional<Absence> absence(AbsenceId id) {
    return tx.statement(c -> Sql.one(c, ABSENCES + "where id = ?", JdbcDiaries::absence, id.value()));
  }

  @Override
  public void add(Absence a) {
    tx.statement(c -> Sql.update(c, INSERT_ABSENCE, a.id().value(), a.official().value(), a.start(), a.end(), a.kind(),
        a.reason()));
  }

  @Override
  public boolean remove(AbsenceId id) {
    return tx.statement(c -> Sql.update(c, "delete from absence where id = ?", id.value())) > 0;
  }

  private static Window window(ResultSet rs) throws SQLException {
    Place place = rs.getString("place_name") == null ? null : PlaceColumns.place(rs);
    return new Window(DayOfWeek.of(rs.getInt("weekday")), rs.getObject("start_time", LocalTime.class),
        rs.getObject("end_time", LocalTime.class), rs.getObject("valid_from", LocalDate.class),
        rs.getObject("valid_until", LocalDate.class), split(rs.getString("holiday_openings"), LocalDate::parse), place,
        rs.getInt("phone_slots"), rs.getInt("phone_percent"), split(rs.getString("agendas"), AgendaId::of));
  }

  /** A window's set as one column: a few short codes or dates, read and written whole with the window. */
  private static <T> String joined(Set<T> values, Function<T, String> text) {
    return values.isEmpty() ? null : values.stream().map(text).sorted().collect(Collectors.joining(","));
  }

  private static <T> Set<T> split(String column, Function<String, T> parse) {
    if (column == null || column.isEmpty()) {
      return Set.of();
    }
    Set<T> values = new LinkedHashSet<>();
    for (String value : column.split(",")) {
      values.add(parse.apply(value));
    }
    return values;
  }

  private static Absence absence(ResultSet rs) throws SQLException {
    return new Absence(new AbsenceId(Sql.uuid(rs, "id")), OfficialId.of(rs.getString("official_id")),
        Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"), Sql.enumerated(rs, "kind", AbsenceKind.class),
        rs.getString("reason"));
  }

  @Override
  public List<ClosureDay> closureDays(OfficeId office, LocalDate from, LocalDate to) {
    List<ClosureDay> days = tx.statement(c -> Sql.list(c, CLOSURE_DAYS
        + "where office_id = ? and closed_on between ? and ?", JdbcDiaries::closureDay, office.value(), from, to));
    // By date, then id, in Java: the port's order, whatever the engine's uuid ordering.
    return days.stream().sorted(Comparator.comparing(ClosureDay::date)
        .thenComparing(d -> d.id().value())).toList();
  }

  @Override
  public Optional<ClosureDay> closureDay(ClosureDayId id) {
    return tx.statement(c -> Sql.one(c, CLOSURE_DAYS + "where id = ?", JdbcDiaries::closureDay, id.value()));
  }

  @Override
  public void add(ClosureDay day) {
    tx.statement(c -> {
      if (Sql.count(c, "select count(*) from office where id = ?", day.office().value()) == 0) {
        throw new NotFound("office", day.office().value());
      }
      return Sql.update(c, INSERT_CLOSURE_DAY, day.id().value(), day.office().value(),
          day.department() == null ? null : day.department().value(), day.date(), day.reason());
    });
  }

  @Override
  public boolean remove(ClosureDayId id) {
    return tx.statement(c -> Sql.update(c, "delete from closure_day where id = ?", id.value())) > 0;
  }

  private static ClosureDay closureDay(ResultSet rs) throws SQLException {
    String department = rs.getString("department_id");
    return new ClosureDay(new ClosureDayId(Sql.uuid(rs, "id")), OfficeId.of(rs.getString("office_id")),
        department == null ? null : DepartmentId.of(department), rs.getObject("closed_on", LocalDate.class),
        rs.getString("reason"));
  }
}
