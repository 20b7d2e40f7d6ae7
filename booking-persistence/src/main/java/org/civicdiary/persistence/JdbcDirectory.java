/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Directory;

/**
 * Offices, departments, officials and agendas. Lists are sorted by id in Java rather than by
 * {@code order by}: the database's collation may order hyphens and digits differently from
 * {@link String#compareTo}, which is what the port promises and every engine must agree on.
 */
final class JdbcDirectory implements Directory {
  private static final String OFFICES = """
      select o.id, o.name_cs, o.name_en, o.zone_id, o.slot_minutes, o.place_name, o.place_address,
             o.place_description_cs, o.place_description_en,
             o.horizon_days, o.minimum_notice_seconds, o.max_open_per_email, o.topic_max_length,
             o.retention_days, o.reminder_lead_seconds, o.feed_shows_citizen_names,
             o.phone_share_release_seconds, o.max_daily_per_email, o.holiday_calendar, o.proposal_hold_seconds,
             p.purpose_cs, p.purpose_en, p.phone_number
      from office o
      left join office_phone p on p.office_id = o.id
      """;
  private static final String UPDATE_OFFICE = """
      update office
      set name_cs = ?, name_en = ?, zone_id = ?, slot_minutes = ?, place_name = ?, place_address = ?,
          place_description_cs = ?, place_description_en = ?,
          horizon_days = ?, minimum_notice_seconds = ?, max_open_per_email = ?, topic_max_length = ?,
          retention_days = ?, reminder_lead_seconds = ?, feed_shows_citizen_names = ?,
          phone_share_release_seconds = ?, max_daily_per_email = ?, holiday_calendar = ?, proposal_hold_seconds = ?
      where id = ?
      """;
  private static final String INSERT_OFFICE = """
      insert into office (name_cs, name_en, zone_id, slot_minutes, place_name, place_address,
                          place_description_cs, place_description_en, horizon_days, minimum_notice_seconds, max_open_per_email, topic_max_length,
                          retention_days, reminder_lead_seconds, feed_shows_citizen_names,
                          phone_share_release_seconds, max_daily_per_email, holiday_calendar, proposal_hold_seconds, id)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String DELETE_PHONES = "delete from office_phone where office_id = ?";
  private static final String INSERT_PHONE = """
      insert into office_phone (office_id, ordinal, purpose_cs, purpose_en, phone_number)
      values (?, ?, ?, ?, ?)
      """;

  private static final String DEPARTMENTS = """
      select id, office_id, name_cs, name_en, place_name, place_address, place_description_cs, place_description_en
      from department
      """;
  private static final String UPDATE_DEPARTMENT = """
      update department
      set office_id = ?, name_cs = ?, name_en = ?, place_name = ?, place_address = ?, place_description_cs = ?,
          place_description_en = ?
      where id = ?
      """;
  private static final String INSERT_DEPARTMENT = """
      insert into department (office_id, name_cs, name_en, place_name, place_address, place_description_cs,
                              place_description_en, id)
      values (?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String OFFICIALS = """
      select id, department_id, name, room, email, active
      from official
      """;
  private static final String UPDATE_OFFICIAL = """
      update official
      set department_id = ?, name = ?, room = ?, email = ?, active = ?
      where id = ?
      """;
  private static final String INSERT_OFFICIAL = """
      insert into official (department_id, name, room, email, active, id)
      values (?, ?, ?, ?, ?, ?)
      """;
  private static final String OFFICIALS_OF_OFFICES = """
      select o.id, o.department_id, o.name, o.room, o.email, o.active
      from official o
      join department d on d.id = o.department_id
      where d.office_id = any(?)
      """;
  private static final String EXISTING_OFFICIALS = "select id from official where id = any(?)";

  private static final String AGENDAS = """
      select a.id, a.department_id, a.name_cs, a.name_en, a.slots, ao.official_id
      from agenda a
      left join agenda_official ao on ao.agenda_id = a.id
      """;
  private static final String AGENDAS_OF_OFFICES = """
      select a.id, a.department_id, a.name_cs, a.name_en, a.slots, ao.official_id
      from agenda a
      join department d on d.id = a.department_id
      left join agenda_official ao on ao.agenda_id = a.id
      where d.office_id = any(?)
      """;
  private static final String UPDATE_AGENDA = """
      update agenda
      set department_id = ?, name_cs = ?, name_en = ?, slots = ?
      where id = ?
      """;
  private static final String INSERT_AGENDA = """
      insert into agenda (department_id, name_cs, name_en, slots, id)
      values (?, ?, ?, ?, ?)
      """;
  private static final String DELETE_AGENDA_OFFICIALS = "delete from agenda_official where agenda_id = ?";
  private static final String INSERT_AGENDA_OFFICIAL = """
      insert into agenda_official (agenda_id, official_id)
      values (?, ?)
      """;

  private static final String DEPUTIES = """
      select agenda_id, deputy_id
      from official_deputy
      where official_id = ?
      """;
  private static final String DELETE_DEPUTIES = "delete from official_deputy where official_id = ? and agenda_id = ?";
  private static final String INSERT_DEPUTY = """
      insert into official_deputy (official_id, agenda_id, ordinal, deputy_id)
      values (?, ?, ?, ?)
      """;
  /** After an agenda's officials were written anew: the rows of those who no longer handle it go. */
  private static final String DELETE_DEPUTIES_NOT_HANDLING = """
      delete from official_deputy
      where agenda_id = ?
        and (official_id not in (select official_id from agenda_official where agenda_id = ?)
             or deputy_id not in (select official_id from agenda_official where agenda_id = ?))
      """;

  /** The offices a change touches: where a department goes (an office id) and where it was. */
  private static final String OFFICES_OF_DEPARTMENT = """
      select id from office where id = ?
      union
      select office_id from department where id = ?
      """;
  /** Where an official goes (a department id) and where it was. */
  private static final String OFFICES_OF_OFFICIAL = """
      select office_id from department where id = ?
      union
      select d.office_id from official o join department d on d.id = o.department_id where o.id = ?
      """;
  /** Where an agenda goes (a department id) and where it was. */
  private static final String OFFICES_OF_AGENDA = """
      select office_id from department where id = ?
      union
      select d.office_id from agenda a join department d on d.id = a.department_id where a.id = ?
      """;

  private final JdbcTransactions tx;
  private final DirectoryCache cache;

  JdbcDirectory(JdbcTransactions tx, DirectoryCache cache) {
    this.tx = tx;
    this.cache = cache;
  }

  /** These offices' parts of the directory, with their diaries' windows and walk-in hours, for {@link DirectoryCache}. */
  static Map<OfficeId, DirectoryCache.Part> load(Connection c, Map<OfficeId, Long> stamps) throws SQLException {
    Object ids = Sql.texts(c, stamps.keySet().stream().map(OfficeId::value).toList());
    Map<String, List<Department>> departments = new HashMap<>();
    Map<String, String> officeOfDepartment = new HashMap<>();
    for (Department d : Sql.list(c, DEPARTMENTS + "where office_id = any(?)", JdbcDirectory::department, ids)) {
      departments.computeIfAbsent(d.office().value(), k -> new ArrayList<>()).add(d);
      officeOfDepartment.put(d.id().value(), d.office().value());
    }
    Map<String, List<Official>> officials = new HashMap<>();
    Map<String, String> officeOfOfficial = new HashMap<>();
    for (Official o : Sql.list(c, OFFICIALS_OF_OFFICES, JdbcDirectory::official, ids)) {
      String office = officeOfDepartment.get(o.department().value());
      officials.computeIfAbsent(office, k -> new ArrayList<>()).add(o);
      officeOfOfficial.put(o.id().value(), office);
    }
    Map<String, List<Agenda>> agendas = new HashMap<>();
    for (Agenda a : agendas(c, AGENDAS_OF_OFFICES, ids)) {
      agendas.computeIfAbsent(officeOfDepartment.get(a.department().value()), k -> new ArrayList<>()).add(a);
    }
    Map<OfficialId, List<Window>> windows = JdbcDiaries.windowsOfOffices(c, ids);
    Map<DepartmentId, List<WalkInHours>> walkInHours = JdbcDiaries.walkInHoursOfOffices(c, ids);
    Map<OfficeId, DirectoryCache.Part> parts = new HashMap<>();
    for (Office office : offices(c, OFFICES + "where o.id = any(?) order by o.id, p.ordinal", ids)) {
      String id = office.id().value();
      Map<OfficialId, List<Window>> ownWindows = new HashMap<>();
      windows.forEach((official, list) -> {
        if (id.equals(officeOfOfficial.get(official.value()))) {
          ownWindows.put(official, list);
        }
      });
      Map<DepartmentId, List<WalkInHours>> ownHours = new HashMap<>();
      walkInHours.forEach((department, list) -> {
        if (id.equals(officeOfDepartment.get(department.value()))) {
          ownHours.put(department, list);
        }
      });
      parts.put(office.id(), new DirectoryCache.Part(stamps.get(office.id()), office,
          departments.getOrDefault(id, List.of()), officials.getOrDefault(id, List.of()),
          agendas.getOrDefault(id, List.of()), ownWindows, ownHours));
    }
    return parts;
  }

  @Override
  public List<Office> offices() {
    Optional<List<DirectoryCache.Part>> kept = cache.all();
    if (kept.isPresent()) {
      return kept.get().stream().map(p -> p.office).toList();
    }
    return tx.statement(c -> offices(c, OFFICES + "order by o.id, p.ordinal"));
  }

  @Override
  public Optional<Office> office(OfficeId id) {
    Optional<Optional<DirectoryCache.Part>> kept = cache.ofOffice(id);
    if (kept.isPresent()) {
      return kept.get().map(p -> p.office);
    }
    return tx.statement(c -> offices(c, OFFICES + "where o.id = ? order by p.ordinal", id.value()))
        .stream().findFirst();
  }

  @Override
  public void save(Office office) {
    BookingPolicy policy = office.policy();
    tx.atomically(c -> {
      DirectoryCache.stamp(tx, c, List.of(office.id().value()));
      upsert(c, UPDATE_OFFICE, INSERT_OFFICE, office.name().cs(), office.name().en(), office.zone().getId(),
          office.slotMinutes(), office.place().name(), office.place().address(),
          PlaceColumns.descriptionCs(office.place()), PlaceColumns.descriptionEn(office.place()), policy.horizonDays(),
          policy.minimumNotice().getSeconds(), policy.maxOpenPerEmail(), policy.topicMaxLength(),
          policy.retentionDays(), policy.reminderLead().getSeconds(), policy.feedShowsCitizenNames(),
          policy.phoneShareRelease().getSeconds(), policy.maxDailyPerEmail(), office.holidayCalendar(),
          policy.proposalHold().getSeconds(), office.id().value());
      DirectoryCache.stampNew(c, office.id().value());
      Sql.update(c, DELETE_PHONES, office.id().value());
      List<Object[]> rows = new ArrayList<>();
      for (ContactPhone phone : office.phones()) {
        rows.add(new Object[] {office.id().value(), rows.size(), phone.purpose().cs(), phone.purpose().en(),
            phone.number()});
      }
      Sql.batch(c, INSERT_PHONE, rows);
      return null;
    });
  }

  @Override
  public List<Department> departments() {
    Optional<List<DirectoryCache.Part>> kept = cache.all();
    if (kept.isPresent()) {
      return sorted(kept.get().stream().flatMap(p -> p.departments.stream()).toList(),
          Comparator.comparing(d -> d.id().value()));
    }
    return sorted(tx.statement(c -> Sql.list(c, DEPARTMENTS, JdbcDirectory::department)),
        Comparator.comparing(d -> d.id().value()));
  }

  @Override
  public Optional<Department> department(DepartmentId id) {
    Optional<Optional<DirectoryCache.Part>> kept = cache.ofDepartment(id);
    if (kept.isPresent()) {
      return kept.get().flatMap(p -> p.department(id));
    }
    return tx.statement(c -> Sql.one(c, DEPARTMENTS + "where id = ?", JdbcDirectory::department, id.value()));
  }

  @Override
  public void save(Department d) {
    tx.atomically(c -> {
      DirectoryCache.stamp(tx, c, OFFICES_OF_DEPARTMENT, d.office().value(), d.id().value());
      if (Sql.count(c, "select count(*) from office where id = ?", d.office().value()) == 0) {
        throw new NotFound("office", d.office().value());
      }
      upsert(c, UPDATE_DEPARTMENT, INSERT_DEPARTMENT, d.office().value(), d.name().cs(), d.name().en(),
          d.place().name(), d.place().address(), PlaceColumns.descriptionCs(d.place()),
          PlaceColumns.descriptionEn(d.place()), d.id().value());
      return null;
    });
  }

  @Override
  public List<Official> officials(DepartmentId department) {
    Optional<Optional<DirectoryCache.Part>> kept = cache.ofDepartment(department);
    if (kept.isPresent()) {
      return kept.get().map(p -> p.officials(department)).orElse(List.of());
    }
    return sorted(tx.statement(c -> Sql.list(c, OFFICIALS + "where department_id = ?", JdbcDirectory::official,
        department.value())), Comparator.comparing(o -> o.id().value()));
  }

  @Override
  public Optional<Official> official(OfficialId id) {
    Optional<Optional<DirectoryCache.Part>> kept = cache.ofOfficial(id);
    if (kept.isPresent()) {
      return kept.get().flatMap(p -> p.official(id));
    }
    return tx.statement(c -> Sql.one(c, OFFICIALS + "where id = ?", JdbcDirectory::official, id.value()));
  }

  @Override
  public void save(Official o) {
    tx.atomically(c -> {
      DirectoryCache.stamp(tx, c, OFFICES_OF_OFFICIAL, o.department().value(), o.id().value());
      requireDepartment(c, o.department());
      upsert(c, UPDATE_OFFICIAL, INSERT_OFFICIAL, o.department().value(), o.name(), o.room(), o.email(),
          o.active(), o.id().value());
      BusyCache.stampUnstamped(c, o.id().value());
      return null;
    });
  }

  @Override
  public List<Agenda> agendas(DepartmentId department) {
    Optional<Optional<DirectoryCache.Part>> kept = cache.ofDepartment(department);
    if (kept.isPresent()) {
      return kept.get().map(p -> p.agendas(department)).orElse(List.of());
    }
    return tx.statement(c -> agendas(c, AGENDAS + "where a.department_id = ?", department.value()));
  }

  @Override
  public Optional<Agenda> agenda(AgendaId id) {
    Optional<Optional<DirectoryCache.Part>> kept = cache.ofAgenda(id);
    if (kept.isPresent()) {
      return kept.get().flatMap(p -> p.agenda(id));
    }
    return tx.statement(c -> agendas(c, AGENDAS + "where a.id = ?", id.value())).stream().findFirst();
  }

  @Override
  public void save(Agenda a) {
    tx.atomically(c -> {
      DirectoryCache.stamp(tx, c, OFFICES_OF_AGENDA, a.department().value(), a.id().value());
      requireDepartment(c, a.department());
      List<String> wanted = a.officials().stream().map(OfficialId::value).toList();
      Set<String> existing = new HashSet<>(Sql.list(c, EXISTING_OFFICIALS, rs -> rs.getString(1), Sql.texts(c, wanted)));
      for (String official : new TreeSet<>(wanted)) {
        if (!existing.contains(official)) {
          throw new NotFound("official", official);
        }
      }
      upsert(c, UPDATE_AGENDA, INSERT_AGENDA, a.department().value(), a.name().cs(), a.name().en(), a.slots(),
          a.id().value());
      Sql.update(c, DELETE_AGENDA_OFFICIALS, a.id().value());
      Sql.batch(c, INSERT_AGENDA_OFFICIAL, wanted.stream().map(official -> new Object[] {a.id().value(), official}).toList());
      Sql.update(c, DELETE_DEPUTIES_NOT_HANDLING, a.id().value(), a.id().value(), a.id().value());
      return null;
    });
  }

  @Override
  public List<Deputies> deputies(OfficialId official) {
    return tx.statement(c -> {
      Map<String, List<OfficialId>> byAgenda = new TreeMap<>();
      Sql.list(c, DEPUTIES + "order by agenda_id, ordinal", rs -> byAgenda
          .computeIfAbsent(rs.getString("agenda_id"), k -> new ArrayList<>())
          .add(OfficialId.of(rs.getString("deputy_id"))), official.value());
      List<Deputies> result = new ArrayList<>();
      byAgenda.forEach((agenda, deputies) -> result.add(new Deputies(official, AgendaId.of(agenda), deputies)));
      return result;
    });
  }

  @Override
  public Deputies deputies(OfficialId official, AgendaId agenda) {
    return new Deputies(official, agenda, tx.statement(c -> Sql.list(c, DEPUTIES + "and agenda_id = ? order by ordinal",
        rs -> OfficialId.of(rs.getString("deputy_id")), official.value(), agenda.value())));
  }

  @Override
  public void save(Deputies d) {
    tx.atomically(c -> {
      List<String> named = new ArrayList<>();
      named.add(d.official().value());
      d.deputies().forEach(deputy -> named.add(deputy.value()));
      Set<String> existing = new HashSet<>(Sql.list(c, EXISTING_OFFICIALS, rs -> rs.getString(1), Sql.texts(c, named)));
      for (String official : named) {
        if (!existing.contains(official)) {
          throw new NotFound("official", official);
        }
      }
      if (Sql.count(c, "select count(*) from agenda where id = ?", d.agenda().value()) == 0) {
        throw new NotFound("agenda", d.agenda().value());
      }
      Sql.update(c, DELETE_DEPUTIES, d.official().value(), d.agenda().value());
      List<Object[]> rows = new ArrayList<>();
      for (OfficialId deputy : d.deputies()) {
        rows.add(new Object[] {d.official().value(), d.agenda().value(), rows.size(), deputy.value()});
      }
      Sql.batch(c, INSERT_DEPUTY, rows);
      return null;
    });
  }

  /** Updates the row or, if there is none, inserts it; both statements take the id last. */
  private static void upsert(Connection c, String update, String insert, Object... params) throws SQLException {
    if (Sql.update(c, update, params) == 0) {
      Sql.update(c, insert, params);
    }
  }

  private static void requireDepartment(Connection c, DepartmentId department) throws SQLException {
    if (Sql.count(c, "select count(*) from department where id = ?", department.value()) == 0) {
      throw new NotFound("department", department.value());
    }
  }

  /** Offices from rows of the office joined with its phones, in phone order. */
  private static List<Office> offices(Connection c, String sql, Object... params) throws SQLException {
    Map<String, List<ContactPhone>> phones = new LinkedHashMap<>();
    Map<String, Office> withoutPhones = new LinkedHashMap<>();
    Sql.list(c, sql, rs -> {
      String id = rs.getString("id");
      if (!withoutPhones.containsKey(id)) {
        withoutPhones.put(id, office(rs));
      }
      List<ContactPhone> list = phones.computeIfAbsent(id, k -> new ArrayList<>());
      if (rs.getString("phone_number") != null) {
        list.add(new ContactPhone(text(rs, "purpose_cs", "purpose_en"), rs.getString("phone_number")));
      }
      return null;
    }, params);
    List<Office> result = new ArrayList<>();
    withoutPhones.forEach((id, o) -> result.add(new Office(o.id(), o.name(), o.zone(), o.slotLength(), o.place(),
        phones.get(id), o.policy(), o.holidayCalendar())));
    result.sort(Comparator.comparing(o -> o.id().value()));
    return result;
  }

  /** The office of the row, its phones still to be added. */
  private static Office office(ResultSet rs) throws SQLException {
    BookingPolicy policy = new BookingPolicy(rs.getInt("horizon_days"),
        Duration.ofSeconds(rs.getLong("minimum_notice_seconds")), rs.getInt("max_open_per_email"),
        rs.getInt("topic_max_length"), rs.getInt("retention_days"),
        Duration.ofSeconds(rs.getLong("reminder_lead_seconds")), rs.getBoolean("feed_shows_citizen_names"),
        Duration.ofSeconds(rs.getLong("phone_share_release_seconds")), rs.getInt("max_daily_per_email"),
        Duration.ofSeconds(rs.getLong("proposal_hold_seconds")));
    return new Office(OfficeId.of(rs.getString("id")), text(rs, "name_cs", "name_en"),
        ZoneId.of(rs.getString("zone_id")), Duration.ofMinutes(rs.getInt("slot_minutes")), place(rs), List.of(), policy,
        rs.getString("holiday_calendar"));
  }

  /** Agendas from rows of the agenda joined with its officials, sorted by id. */
  private static List<Agenda> agendas(Connection c, String sql, Object... params) throws SQLException {
    Map<String, Agenda> agendas = new LinkedHashMap<>();
    Map<String, Set<OfficialId>> officials = new LinkedHashMap<>();
    Sql.list(c, sql, rs -> {
      String id = rs.getString("id");
      if (!agendas.containsKey(id)) {
        agendas.put(id, new Agenda(AgendaId.of(id), DepartmentId.of(rs.getString("department_id")),
            text(rs, "name_cs", "name_en"), rs.getInt("slots"), Set.of()));
        officials.put(id, new HashSet<>());
      }
      String official = rs.getString("official_id");
      if (official != null) {
        officials.get(id).add(OfficialId.of(official));
      }
      return null;
    }, params);
    List<Agenda> result = new ArrayList<>();
    agendas.forEach((id, a) -> result.add(new Agenda(a.id(), a.department(), a.name(), a.slots(), officials.get(id))));
    result.sort(Comparator.comparing(a -> a.id().value()));
    return result;
  }

  private static Department department(ResultSet rs) throws SQLException {
    return new Department(DepartmentId.of(rs.getString("id")), OfficeId.of(rs.getString("office_id")),
        text(rs, "name_cs", "name_en"), place(rs));
  }

  private static Official official(ResultSet rs) throws SQLException {
    return new Official(OfficialId.of(rs.getString("id")), DepartmentId.of(rs.getString("department_id")),
        rs.getString("name"), rs.getString("room"), rs.getString("email"), rs.getBoolean("active"));
  }

  private static LocalizedText text(ResultSet rs, String cs, String en) throws SQLException {
    return LocalizedText.of(rs.getString(cs), rs.getString(en));
  }

  private static Place place(ResultSet rs) throws SQLException {
    return PlaceColumns.place(rs);
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(order);
    return copy;
  }
}
