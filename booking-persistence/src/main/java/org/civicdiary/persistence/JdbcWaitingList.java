/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.EmailKey;
import org.civicdiary.booking.model.FreedTime;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.model.WaitingListStatus;
import org.civicdiary.booking.port.WaitingList;

/**
 * The waiting list's tables. An entry's change is an update on (id, version), so two units of work
 * offering the same entry a time cannot both succeed: the second waits for the first and then finds
 * no row of its version. A note of freed time is removed by a delete whose count says who got it.
 */
final class JdbcWaitingList implements WaitingList {
  private static final String COLUMNS = """
      e.id, e.department_id, e.official_id, e.agenda_id, e.first_day, e.last_day, e.range_start, e.range_end,
      e.citizen_name, e.citizen_email, e.citizen_phone, e.topic, e.channel, e.language, e.status, e.created_at,
      e.updated_at, e.hold_id, e.hold_until, e.version""";
  private static final String SELECT = "select " + COLUMNS + "\nfrom waiting_list_entry e\n";
  private static final String FIRST_COME = "order by e.created_at, e.id\n";
  private static final String INSERT = """
      insert into waiting_list_entry (department_id, official_id, agenda_id, first_day, last_day, range_start,
                                      range_end, citizen_name, citizen_email, email_key, citizen_phone, topic,
                                      channel, language, status, created_at, updated_at, hold_id, hold_until,
                                      version, id)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String UPDATE = """
      update waiting_list_entry
      set department_id = ?, official_id = ?, agenda_id = ?, first_day = ?, last_day = ?, range_start = ?,
          range_end = ?, citizen_name = ?, citizen_email = ?, email_key = ?, citizen_phone = ?, topic = ?,
          channel = ?, language = ?, status = ?, created_at = ?, updated_at = ?, hold_id = ?, hold_until = ?,
          version = ?
      where id = ? and version = ?
      """;
  private static final String ADD_TOKEN = """
      insert into waiting_list_token (token_hash, entry_id)
      select cast(? as varchar(128)), id from waiting_list_entry where id = ?
      """;
  private static final String BY_TOKEN = SELECT + """
      join waiting_list_token t on t.entry_id = e.id
      where t.token_hash = ?
      """;
  private static final String LIVE_OF_EMAIL = SELECT + """
      where e.email_key = ? and e.status in ('UNCONFIRMED', 'ACTIVE', 'OFFERED')
      """ + FIRST_COME;
  private static final String WAITING_FOR = SELECT + """
      where e.status = 'ACTIVE' and e.department_id = ? and (e.official_id = ? or e.official_id is null)
        and e.range_start < ? and e.range_end > ?
      """ + FIRST_COME;
  private static final String LAPSED = SELECT + """
      where e.status = 'OFFERED' and e.hold_until <= ?
      order by e.hold_until, e.created_at, e.id
      """;
  private static final String TO_EXPIRE = SELECT + """
      where e.status in ('UNCONFIRMED', 'ACTIVE') and e.range_end <= ?
         or e.status = 'UNCONFIRMED' and e.created_at < ?
      """ + FIRST_COME;
  private static final String ANONYMISE = """
      update waiting_list_entry
      set citizen_name = ?, citizen_email = null, email_key = null, citizen_phone = null, topic = '',
          version = version + 1, updated_at = ?
      where status not in ('UNCONFIRMED', 'ACTIVE', 'OFFERED') and range_end < ? and citizen_name <> ?
      """;
  private static final String RECORD_FREED = """
      insert into freed_time (id, official_id, start_at, end_at, recorded_at)
      values (?, ?, ?, ?, ?)
      """;
  private static final String FREED = """
      select id, official_id, start_at, end_at, recorded_at
      from freed_time
      order by recorded_at, id
      limit ?
      """;

  private final JdbcTransactions tx;

  JdbcWaitingList(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void add(WaitingListEntry entry) {
    tx.statement(c -> Sql.update(c, INSERT, values(entry)));
  }

  @Override
  public void update(WaitingListEntry changed) {
    tx.atomically(c -> {
      Object[] values = values(changed);
      Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
      params[values.length] = changed.version() - 1;
      if (Sql.update(c, UPDATE, params) == 0) {
        boolean exists = Sql.count(c, "select count(*) from waiting_list_entry where id = ?",
            changed.id().value()) > 0;
        throw exists ? new ConcurrentChange("waiting-list entry", changed.id().toString())
            : new NotFound("waiting-list entry", changed.id().toString());
      }
      return null;
    });
  }

  @Override
  public Optional<WaitingListEntry> find(WaitingListEntryId id) {
    return tx.statement(c -> Sql.one(c, SELECT + "where e.id = ?", JdbcWaitingList::entry, id.value()));
  }

  @Override
  public void addToken(WaitingListEntryId id, String tokenHash) {
    if (tx.statement(c -> Sql.update(c, ADD_TOKEN, tokenHash, id.value())) == 0) {
      throw new NotFound("waiting-list entry", id.toString());
    }
  }

  @Override
  public Optional<WaitingListEntry> findByTokenHash(String hash) {
    return tx.statement(c -> Sql.one(c, BY_TOKEN, JdbcWaitingList::entry, hash));
  }

  @Override
  public Optional<WaitingListEntry> findByHold(ReservationId hold) {
    return tx.statement(c -> Sql.one(c, SELECT + "where e.hold_id = ?", JdbcWaitingList::entry, hold.value()));
  }

  @Override
  public List<WaitingListEntry> liveOfEmail(String email) {
    return tx.statement(c -> Sql.list(c, LIVE_OF_EMAIL, JdbcWaitingList::entry, EmailKey.of(email)));
  }

  @Override
  public List<WaitingListEntry> waitingFor(OfficialId official, DepartmentId department, Instant from, Instant to) {
    return tx.statement(c -> Sql.list(c, WAITING_FOR, JdbcWaitingList::entry, department.value(), official.value(),
        to, from));
  }

  @Override
  public List<WaitingListEntry> lapsedOffers(Instant now) {
    return tx.statement(c -> Sql.list(c, LAPSED, JdbcWaitingList::entry, now));
  }

  @Override
  public List<WaitingListEntry> toExpire(Instant now, Instant unconfirmedBefore) {
    return tx.statement(c -> Sql.list(c, TO_EXPIRE, JdbcWaitingList::entry, now, unconfirmedBefore));
  }

  @Override
  public List<WaitingListEntry> list(DepartmentId department, OfficialId official, AgendaId agenda, boolean all) {
    StringBuilder sql = new StringBuilder(SELECT).append("where e.department_id = ?\n");
    List<Object> params = new ArrayList<>();
    params.add(department.value());
    if (official != null) {
      sql.append("and (e.official_id = ? or e.official_id is null)\n");
      params.add(official.value());
    }
    if (agenda != null) {
      sql.append("and e.agenda_id = ?\n");
      params.add(agenda.value());
    }
    if (!all) {
      sql.append("and e.status in ('UNCONFIRMED', 'ACTIVE', 'OFFERED')\n");
    }
    sql.append(FIRST_COME);
    return tx.statement(c -> Sql.list(c, sql.toString(), JdbcWaitingList::entry, params.toArray()));
  }

  @Override
  public int anonymiseEndedBefore(Instant cutoff, Instant now) {
    Citizen anonymous = Citizen.anonymised();
    return tx.statement(c -> Sql.update(c, ANONYMISE, anonymous.name(), now, cutoff, anonymous.name()));
  }

  @Override
  public void recordFreed(FreedTime f) {
    tx.statement(c -> Sql.update(c, RECORD_FREED, f.id(), f.official().value(), f.start(), f.end(), f.recordedAt()));
  }

  @Override
  public List<FreedTime> freed(int max) {
    return tx.statement(c -> Sql.list(c, FREED, rs -> new FreedTime(Sql.uuid(rs, "id"),
        OfficialId.of(rs.getString("official_id")), Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"),
        Sql.instant(rs, "recorded_at")), max));
  }

  @Override
  public boolean removeFreed(UUID id) {
    return tx.statement(c -> Sql.update(c, "delete from freed_time where id = ?", id)) == 1;
  }

  /** The columns of INSERT and the SET of UPDATE, in order, the id last. */
  private static Object[] values(WaitingListEntry e) {
    Citizen citizen = e.citizen();
    return new Object[] {e.department().value(), e.official() == null ? null : e.official().value(),
        e.agenda().value(), e.firstDay(), e.lastDay(), e.rangeStart(), e.rangeEnd(), citizen.name(),
        citizen.email(), citizen.emailKey(), citizen.phone(), e.topic(), e.channel(), e.language(), e.status(),
        e.createdAt(), e.updatedAt(), e.hold() == null ? null : e.hold().value(), e.holdUntil(), e.version(),
        e.id().value()};
  }

  private static WaitingListEntry entry(ResultSet rs) throws SQLException {
    String official = rs.getString("official_id");
    UUID hold = Sql.uuid(rs, "hold_id");
    return new WaitingListEntry(new WaitingListEntryId(Sql.uuid(rs, "id")),
        DepartmentId.of(rs.getString("department_id")), official == null ? null : OfficialId.of(official),
        AgendaId.of(rs.getString("agenda_id")), rs.getObject("first_day", LocalDate.class),
        rs.getObject("last_day", LocalDate.class), Sql.instant(rs, "range_start"), Sql.instant(rs, "range_end"),
        new Citizen(rs.getString("citizen_name"), rs.getString("citizen_email"), rs.getString("citizen_phone")),
        rs.getString("topic"), Sql.enumerated(rs, "channel", Channel.class),
        Sql.enumerated(rs, "language", Language.class), Sql.enumerated(rs, "status", WaitingListStatus.class),
        Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), hold == null ? null : new ReservationId(hold),
        Sql.instant(rs, "hold_until"), rs.getInt("version"));
  }
}
