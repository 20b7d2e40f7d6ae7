/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotNotBookable.Reason;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.EmailKey;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ProposalHold;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationCount;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebShare;
import org.civicdiary.booking.model.WebShareUse;
import org.civicdiary.booking.model.WorkNote;
import org.civicdiary.booking.port.Reservations;

/**
 * Reservations, and the {@code held_slot} rows of the active ones: the table whose primary key on
 * (official, slot start) is the no-double-booking guard. A second holder's insert fails with a
 * unique violation (or waits for the first holder's unit of work and then fails) on every engine.
 */
final class JdbcReservations implements Reservations {
  /**
   * The longest a reservation can last: an agenda of the most slots, each of the longest slot (an
   * hour). The schema checks it, so the busy-time query can bound its range on both sides.
   */
  static final Duration LONGEST = Duration.ofHours(Agenda.MAX_SLOTS);

  private static final String COLUMNS = """
      r.id, r.booking_code, r.department_id, r.official_id, r.agenda_id, r.start_at, r.end_at, r.citizen_name, r.citizen_email,
      r.citizen_phone, r.topic, r.channel, r.language, r.status, r.created_at, r.updated_at, r.version,
      r.sequence_number, r.note""";
  private static final String SELECT = "select " + COLUMNS + "\nfrom reservation r\n";
  private static final String INSERT = """
      insert into reservation (department_id, official_id, agenda_id, start_at, end_at, citizen_name, citizen_email,
                               email_key, search_text, citizen_phone, topic, channel, language, status, created_at,
                               updated_at, version, sequence_number, note, open_code, booking_code, id)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String UPDATE = """
      update reservation
      set department_id = ?, official_id = ?, agenda_id = ?, start_at = ?, end_at = ?, citizen_name = ?,
          citizen_email = ?, email_key = ?, search_text = ?, citizen_phone = ?, topic = ?, channel = ?,
          language = ?, status = ?, created_at = ?, updated_at = ?, version = ?, sequence_number = ?, note = ?,
          open_code = ?, booking_code = ?
      where id = ? and version = ?
      """;
  private static final String HOLD = """
      insert into held_slot (official_id, slot_start, reservation_id)
      values (?, ?, ?)
      """;
  private static final String HELD_BY = """
      select official_id, slot_start
      from held_slot
      where reservation_id = ?
      """;
  private static final String SEATS_TAKEN = """
      select share_seat
      from held_slot
      where official_id = ? and share_start = ?
      """;
  private static final String TAKE_SEAT = """
      update held_slot
      set share_start = ?, share_seat = ?
      where official_id = ? and slot_start = ?
      """;
  private static final String SHARE_USE = """
      select official_id, share_start, count(*)
      from held_slot
      where official_id = any(?) and share_start >= ? and share_start < ?
      group by official_id, share_start
      """;
  private static final String RELEASE = """
      delete from held_slot
      where official_id = ? and slot_start = ? and reservation_id = ?
      """;
  private static final String ADD_PROPOSAL_HOLD = """
      insert into proposal_hold (hold_id, displaced_id, hold_until)
      select cast(? as uuid), cast(? as uuid), cast(? as timestamp with time zone) from reservation h, reservation d
      where h.id = ? and d.id = ?
      """;
  private static final String PROPOSAL_HOLDS = "select hold_id, displaced_id, hold_until from proposal_hold\n";
  private static final String REQUEST_CALL = """
      insert into call_request (reservation_id, requested_at)
      select cast(? as uuid), cast(? as timestamp with time zone)
      where not exists (select 1 from call_request where reservation_id = ?)
      """;
  private static final String ADD_MANAGE_TOKEN = """
      insert into manage_token (token_hash, reservation_id)
      select cast(? as varchar(128)), id from reservation where id = ?
      """;
  private static final String BY_MANAGE_TOKEN = SELECT + """
      join manage_token t on t.reservation_id = r.id
      where t.token_hash = ?
      """;
  // Both ends of the range on start_at are bounded (by LONGEST), so the index range stays small.
  private static final String BUSY = """
      select official_id, start_at, end_at
      from reservation
      where official_id = any(?) and status in ('ACTIVE', 'HELD') and start_at > ? and start_at < ? and end_at > ?
      """;
  private static final String OF_OFFICIAL = SELECT + """
      where r.official_id = ? and r.start_at > ? and r.start_at < ? and r.end_at > ?
      order by r.start_at, r.id
      """;
  static final int CITIZEN_LOCK_STRIPES = 256;
  private static final String LOCK_CITIZEN = """
      select stripe from citizen_lock where stripe = ? for update
      """;
  private static final String COUNT_MESSAGE = """
      update mail_tally set messages = messages + 1 where email_key = ? and on_day = ? and messages < ?
      """;
  private static final String TALLIED = "select messages from mail_tally where email_key = ? and on_day = ?";
  private static final String FIRST_MESSAGE = "insert into mail_tally (email_key, on_day, messages) values (?, ?, 1)";
  private static final String FORGET_TALLIES = "delete from mail_tally where on_day < ?";
  private static final String COUNT_OR_FIRST_MESSAGE = """
      insert into mail_tally (email_key, on_day, messages) values (?, ?, 1)
      on conflict (email_key, on_day) do update set messages = mail_tally.messages + 1
      where mail_tally.messages < ?
      """;
  private static final String OPEN_OF_EMAIL = SELECT + """
      where r.email_key = ? and r.status in ('ACTIVE', 'DISPLACED')
      order by r.start_at, r.id
      """;
  private static final String DISPLACED = SELECT + """
      where r.status = 'DISPLACED'
      order by r.start_at, r.id
      """;
  // Notes copied into messages may name the citizen too; they go with the reservation's data.
  private static final String FORGET_MESSAGE_NOTES = """
      update outbox_message
      set note = null
      where note is not null
        and reservation_id in (select id from reservation where anonymised = false and end_at < ?)
      """;
  private static final String FORGET_WORK_NOTES = """
      delete from work_note
      where reservation_id in (select id from reservation where anonymised = false and end_at < ?)
      """;
  /** Inserted only when the reservation exists, so that a missing one writes nothing and is told apart. */
  private static final String ADD_WORK_NOTE = """
      insert into work_note (reservation_id, kind, written_at, written_by, body)
      select id, cast(? as varchar(16)), cast(? as timestamp with time zone), cast(? as varchar(100)),
             cast(? as varchar(1000))
      from reservation where id = ?
      """;
  private static final String WORK_NOTES = """
      select reservation_id, kind, written_at, written_by, body
      from work_note
      where reservation_id = ?
      order by id
      """;
  private static final String ANONYMISE = """
      update reservation
      set citizen_name = ?, citizen_email = null, email_key = null, citizen_phone = null, search_text = ?,
          topic = '', note = null, anonymised = true, version = version + 1, updated_at = ?
      where anonymised = false and end_at < ?
      """;

  private final JdbcTransactions tx;
  private final BusyCache busyCache = new BusyCache(JdbcReservations::loadBusy);
  /** The day before which this node last deleted mailbox tallies. */
  private volatile LocalDate talliesForgottenBefore;
  private final boolean cache;

  JdbcReservations(JdbcTransactions tx, boolean cache) {
    this.tx = tx;
    this.cache = cache;
  }

  @Override
  public void add(Reservation r, Duration slotLength, List<WebShare> shares) {
    tx.atomically(c -> {
      insertOrUpdate(c, r, INSERT, values(r));
      List<Slot> slots = slotsOf(r, slotLength);
      hold(c, r, slots);
      takeSeats(c, slots, shares);
      BusyCache.stamp(tx, c, slots.stream().map(Slot::official).toList());
      return null;
    });
  }

  @Override
  public void update(Reservation changed, Duration slotLength, List<WebShare> shares) {
    tx.atomically(c -> {
      Object[] values = values(changed);
      Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
      params[values.length] = changed.version() - 1;
      if (insertOrUpdate(c, changed, UPDATE, params) == 0) {
        boolean exists = Sql.count(c, "select count(*) from reservation where id = ?", changed.id().value()) > 0;
        throw exists
            ? new ConcurrentChange("reservation", changed.id().toString())
            : new NotFound("reservation", changed.id().toString());
      }
      // The row is now locked by this unit of work, so the slots it holds cannot change under us.
      Set<Slot> before = new HashSet<>(Sql.list(c, HELD_BY,
          rs -> new Slot(rs.getString("official_id"), Sql.instant(rs, "slot_start")), changed.id().value()));
      List<Slot> after = slotsOf(changed, slotLength);
      List<Slot> held = after.stream().filter(s -> !before.contains(s)).toList();
      hold(c, changed, held);
      takeSeats(c, held, shares);
      before.removeAll(after);
      release(c, changed, before);
      // Both diaries changed when it moved from one official to another.
      BusyCache.stamp(tx, c, Stream.concat(held.stream(), before.stream()).map(Slot::official).toList());
      return null;
    });
  }

  /** Runs the statement; the only unique key it can violate is the one on open booking codes. */
  private static int insertOrUpdate(Connection c, Reservation r, String sql, Object[] params) throws SQLException {
    try {
      return Sql.update(c, sql, params);
    } catch (SQLException e) {
      if (Failures.isUniqueViolation(e)) {
        throw new ConcurrentChange("booking code", r.code().value());
      }
      throw e;
    }
  }

  /**
   * Holds the slots in a global order (official, start), so that two units of work wanting
   * overlapping slots queue behind each other instead of deadlocking.
   */
  private static void hold(Connection c, Reservation r, List<Slot> slots) throws SQLException {
    if (slots.isEmpty()) {
      return;
    }
    List<Slot> ordered = new ArrayList<>(slots);
    ordered.sort(Comparator.comparing(Slot::official).thenComparing(Slot::start));
    try (PreparedStatement ps = c.prepareStatement(HOLD)) {
      for (Slot slot : ordered) {
        Sql.bind(ps, slot.official(), slot.start(), r.id().value());
        try {
          ps.executeUpdate();
        } catch (SQLException e) {
          if (Failures.isUniqueViolation(e)) {
            throw new SlotTaken(slot.official(), slot.start());
          }
          throw e;
        }
      }
    }
  }

  /**
   * Gives each newly held slot inside a web share the lowest seat of the share not taken. Two units
   * of work that pick the same seat at once meet on the seat's unique key: the second waits for the
   * first and, if it commits, is refused; so the share never holds more than its seats.
   */
  private static void takeSeats(Connection c, List<Slot> slots, List<WebShare> shares) throws SQLException {
    for (WebShare share : shares) {
      List<Slot> inside = slots.stream()
          .filter(s -> share.covers(OfficialId.of(s.official()), s.start()))
          .sorted(Comparator.comparing(Slot::start))
          .toList();
      if (inside.isEmpty()) {
        continue;
      }
      Set<Integer> taken = new HashSet<>(Sql.list(c, SEATS_TAKEN, rs -> rs.getInt(1), share.official().value(),
          share.start()));
      int seat = 0;
      for (Slot slot : inside) {
        while (taken.contains(seat)) {
          seat++;
        }
        if (seat >= share.slots()) {
          throw phoneShare(share);
        }
        try {
          Sql.update(c, TAKE_SEAT, share.start(), seat, slot.official(), slot.start());
        } catch (SQLException e) {
          if (Failures.isUniqueViolation(e)) {
            throw phoneShare(share);
          }
          throw e;
        }
        seat++;
      }
    }
  }

  private static SlotNotBookable phoneShare(WebShare share) {
    return new SlotNotBookable(Reason.PHONE_SHARE, "official " + share.official() + " at " + share.start());
  }

  @Override
  public List<WebShareUse> webShareUse(Collection<OfficialId> officials, Instant from, Instant to) {
    Map<String, OfficialId> byValue = new HashMap<>();
    officials.forEach(o -> byValue.put(o.value(), o));
    return tx.statement(c -> Sql.list(c, SHARE_USE, rs -> new WebShareUse(byValue.get(rs.getString(1)),
        Sql.instant(rs, 2), rs.getInt(3)), Sql.texts(c, byValue.keySet()), from, to));
  }

  private static void release(Connection c, Reservation r, Collection<Slot> slots) throws SQLException {
    Sql.batch(c, RELEASE, slots.stream().map(s -> new Object[] {s.official(), s.start(), r.id().value()}).toList());
  }

  private static List<Slot> slotsOf(Reservation r, Duration slotLength) {
    if (!r.status().holdsSlots()) {
      return List.of();
    }
    return r.slotStarts(slotLength).stream().map(start -> new Slot(r.official().value(), start)).toList();
  }

  @Override
  public Optional<Reservation> find(ReservationId id) {
    return tx.statement(c -> Sql.one(c, SELECT + "where r.id = ?", JdbcReservations::reservation, id.value()));
  }

  @Override
  public boolean codeInUse(BookingCode code) {
    return tx.statement(c -> Sql.count(c, "select count(*) from reservation where open_code = ?", code.value()) > 0);
  }

  @Override
  public void addManageToken(ReservationId id, String tokenHash) {
    if (tx.statement(c -> Sql.update(c, ADD_MANAGE_TOKEN, tokenHash, id.value())) == 0) {
      throw new NotFound("reservation", id.toString());
    }
  }

  @Override
  public void addWorkNote(WorkNote note) {
    if (tx.statement(c -> Sql.update(c, ADD_WORK_NOTE, note.kind(), note.at(), note.author(), note.body(),
        note.reservation().value())) == 0) {
      throw new NotFound("reservation", note.reservation().toString());
    }
  }

  @Override
  public List<WorkNote> workNotes(ReservationId id) {
    return tx.statement(c -> Sql.list(c, WORK_NOTES, rs -> new WorkNote(new ReservationId(Sql.uuid(rs, "reservation_id")),
        Sql.enumerated(rs, "kind", WorkNote.Kind.class), rs.getString("body"), rs.getString("written_by"),
        Sql.instant(rs, "written_at")), id.value()));
  }

  @Override
  public Optional<Reservation> findByManageTokenHash(String hash) {
    return tx.statement(c -> Sql.one(c, BY_MANAGE_TOKEN, JdbcReservations::reservation, hash));
  }

  /** From memory where the officials' busy time has not changed since it was last read (see {@link BusyCache}). */
  @Override
  public List<BusyTime> busy(Collection<OfficialId> officials, Instant from, Instant to) {
    JdbcTransactions.Unit unit = tx.unitState();
    boolean mayKeep = unit == null || unit.stampedOfficials.isEmpty();
    if (!cache) {
      return tx.statement(c -> loadBusy(c, officials, from, to));
    }
    return tx.statement(c -> busyCache.busy(c, officials, from, to, mayKeep));
  }

  /**
   * Rows are read by position, and each official's id is the caller's own object rather than
   * parsed again: a department's eight weeks are tens of thousands of rows.
   */
  private static List<BusyTime> loadBusy(Connection c, Collection<OfficialId> officials, Instant from, Instant to)
      throws SQLException {
    Map<String, OfficialId> byValue = new HashMap<>();
    officials.forEach(o -> byValue.put(o.value(), o));
    return Sql.list(c, BUSY, rs -> new BusyTime(byValue.get(rs.getString(1)), Sql.instant(rs, 2),
        Sql.instant(rs, 3)), Sql.texts(c, byValue.keySet()), from.minus(LONGEST), to, from);
  }

  /** Officials whose busy time this adapter keeps in memory (for tests). */
  int cachedOfficials() {
    return busyCache.size();
  }

  @Override
  public List<Reservation> ofOfficial(OfficialId official, Instant from, Instant to) {
    return tx.statement(c -> Sql.list(c, OF_OFFICIAL, JdbcReservations::reservation, official.value(),
        from.minus(LONGEST), to, from));
  }

  /**
   * Locks the mailbox's stripe (see the citizen_lock table), chosen by its key, so that every
   * spelling of one mailbox takes the same stripe. The hash is String's, which the JDK specifies, so
   * every node picks the same stripe for an address.
   */
  @Override
  public void lockOfEmail(String email) {
    int stripe = Math.floorMod(EmailKey.of(email).hashCode(), CITIZEN_LOCK_STRIPES);
    tx.statement(c -> Sql.one(c, LOCK_CITIZEN, rs -> rs.getInt(1), stripe));
  }

  /** Race-free because the caller holds the address's stripe: nobody else inserts its row meanwhile. */
  @Override
  public boolean countMessageTo(String email, LocalDate day, int cap) {
    String key = EmailKey.of(email);
    return tx.statement(c -> {
      // Tallies from before yesterday are never read again (yesterday's may still be another
      // zone's today): forgotten once a day per node, not per booking; a rollback only leaves
      // them for the next day's pass.
      LocalDate before = day.minusDays(1);
      if (!before.equals(talliesForgottenBefore)) {
        Sql.update(c, FORGET_TALLIES, before);
        talliesForgottenBefore = before;
      }
      if (cap < 1) {
        return false;
      }
      if (tx.dialect() == Dialect.POSTGRESQL) {
        // one statement where H2 (no "on conflict do update") needs up to three
        return Sql.update(c, COUNT_OR_FIRST_MESSAGE, key, day, cap) == 1;
      }
      if (Sql.update(c, COUNT_MESSAGE, key, day, cap) == 1) {
        return true;
      }
      if (Sql.one(c, TALLIED, rs -> rs.getInt(1), key, day).isPresent()) {
        return false;
      }
      Sql.update(c, FIRST_MESSAGE, key, day);
      return true;
    });
  }

  @Override
  public List<Reservation> openOfEmail(String email) {
    return tx.statement(c -> Sql.list(c, OPEN_OF_EMAIL, JdbcReservations::reservation, EmailKey.of(email)));
  }

  @Override
  public void addProposalHold(ProposalHold hold) {
    if (tx.statement(c -> Sql.update(c, ADD_PROPOSAL_HOLD, hold.hold().value(), hold.displaced().value(), hold.until(),
        hold.hold().value(), hold.displaced().value())) == 0) {
      throw new NotFound("reservation", hold.displaced() + " or " + hold.hold());
    }
  }

  @Override
  public List<ProposalHold> proposalHolds(ReservationId displaced) {
    return tx.statement(c -> Sql.list(c, PROPOSAL_HOLDS + "where displaced_id = ? order by hold_until, hold_id",
        JdbcReservations::proposalHold, displaced.value()));
  }

  @Override
  public List<ProposalHold> lapsedProposalHolds(Instant now, int limit) {
    return tx.statement(c -> Sql.list(c, PROPOSAL_HOLDS + "where hold_until <= ? order by hold_until, hold_id limit ?",
        JdbcReservations::proposalHold, now, limit));
  }

  @Override
  public boolean removeProposalHold(ReservationId hold) {
    return tx.statement(c -> Sql.update(c, "delete from proposal_hold where hold_id = ?", hold.value())) > 0;
  }

  @Override
  public void requestCall(ReservationId displaced, Instant at) {
    tx.statement(c -> {
      if (Sql.one(c, "select 1 from reservation where id = ?", rs -> rs.getInt(1), displaced.value()).isEmpty()) {
        throw new NotFound("reservation", displaced.toString());
      }
      return Sql.update(c, REQUEST_CALL, displaced.value(), at, displaced.value());
    });
  }

  @Override
  public Optional<Instant> callRequested(ReservationId reservation) {
    return tx.statement(c -> Sql.one(c, "select requested_at from call_request where reservation_id = ?",
        rs -> Sql.instant(rs, "requested_at"), reservation.value()));
  }

  private static ProposalHold proposalHold(ResultSet rs) throws SQLException {
    return new ProposalHold(new ReservationId(Sql.uuid(rs, "displaced_id")), new ReservationId(Sql.uuid(rs, "hold_id")),
        Sql.instant(rs, "hold_until"));
  }

  @Override
  public List<Reservation> displaced() {
    return tx.statement(c -> Sql.list(c, DISPLACED, JdbcReservations::reservation));
  }

  /**
   * One CASE branch per inner bound names the period; the periods are at most a year's weeks, so the
   * statement stays short, and the counting happens in the database whatever the number of rows.
   */
  @Override
  public List<ReservationCount> count(Collection<DepartmentId> departments, List<Instant> bounds) {
    if (departments.isEmpty() || bounds.size() < 2) {
      return List.of();
    }
    StringBuilder period = new StringBuilder(bounds.size() == 2 ? "0" : "case");
    List<Object> params = new ArrayList<>();
    if (bounds.size() > 2) {
      for (int i = 1; i < bounds.size() - 1; i++) {
        period.append(" when start_at < ? then ").append(i - 1);
        params.add(bounds.get(i));
      }
      period.append(" else ").append(bounds.size() - 2).append(" end");
    }
    String sql = """
        select department_id, period, channel, status, count(*) as counted
        from (select department_id, %s as period, channel, status
              from reservation
              where department_id = any(?) and start_at >= ? and start_at < ?) in_range
        group by department_id, period, channel, status
        """.formatted(period);
    Map<String, DepartmentId> byValue = new HashMap<>();
    departments.forEach(d -> byValue.put(d.value(), d));
    return tx.statement(c -> {
      List<Object> all = new ArrayList<>(params);
      all.add(Sql.texts(c, byValue.keySet()));
      all.add(bounds.get(0));
      all.add(bounds.get(bounds.size() - 1));
      return Sql.list(c, sql, rs -> new ReservationCount(byValue.get(rs.getString(1)), rs.getInt(2),
          Sql.enumerated(rs, "channel", Channel.class), Sql.enumerated(rs, "status", Status.class), rs.getLong(5)),
          all.toArray());
    });
  }

  @Override
  public List<Reservation> search(ReservationSearch q) {
    List<String> criteria = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (q.text() != null) {
      String like = "%" + q.text().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
      if (q.code().isPresent()) {
        criteria.add("(r.search_text like ? escape '!' or r.booking_code = ?)");
        params.add(like);
        params.add(q.code().get().value());
      } else {
        criteria.add("r.search_text like ? escape '!'");
        params.add(like);
      }
    }
    if (q.department() != null) {
      criteria.add("r.department_id = ?");
      params.add(q.department().value());
    }
    if (q.official() != null) {
      criteria.add("r.official_id = ?");
      params.add(q.official().value());
    }
    if (q.status() != null) {
      criteria.add("r.status = ?");
      params.add(q.status());
    }
    if (q.from() != null) {
      criteria.add("r.end_at > ?");
      params.add(q.from());
    }
    if (q.to() != null) {
      criteria.add("r.start_at < ?");
      params.add(q.to());
    }
    params.add(q.limit());
    String sql = SELECT
        + (criteria.isEmpty() ? "" : "where " + String.join("\n  and ", criteria) + "\n")
        + "order by r.start_at, r.id\nlimit ?";
    return tx.statement(c -> Sql.list(c, sql, JdbcReservations::reservation, params.toArray()));
  }

  @Override
  public int anonymiseEndedBefore(Instant cutoff, Instant now) {
    Citizen anonymous = Citizen.anonymised();
    return tx.atomically(c -> {
      Sql.update(c, FORGET_MESSAGE_NOTES, cutoff);
      Sql.update(c, FORGET_WORK_NOTES, cutoff);
      return Sql.update(c, ANONYMISE, anonymous.name(), searchText(anonymous), now, cutoff);
    });
  }

  /** The columns of INSERT and the SET of UPDATE, in order, the id last. */
  private static Object[] values(Reservation r) {
    Citizen citizen = r.citizen();
    return new Object[] {r.department().value(), r.official().value(), r.agenda().value(), r.start(), r.end(),
        citizen.name(), citizen.email(), citizen.emailKey(), searchText(citizen), citizen.phone(), r.topic(),
        r.channel(), r.language(), r.status(), r.createdAt(), r.updatedAt(), r.version(), r.sequence(), r.note(),
        r.status().isOpen() ? r.code().value() : null, r.code().value(), r.id().value()};
  }

  /** What staff search in: name, e-mail and phone, lower case, one per line (a search text has no line breaks). */
  private static String searchText(Citizen c) {
    return c.name().toLowerCase(Locale.ROOT) + "\n"
        + (c.email() == null ? "" : c.email().toLowerCase(Locale.ROOT)) + "\n"
        + (c.phone() == null ? "" : c.phone());
  }

  private static Reservation reservation(ResultSet rs) throws SQLException {
    return new Reservation(new ReservationId(Sql.uuid(rs, "id")), new BookingCode(rs.getString("booking_code")),
        DepartmentId.of(rs.getString("department_id")),
        OfficialId.of(rs.getString("official_id")), AgendaId.of(rs.getString("agenda_id")),
        Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"),
        new Citizen(rs.getString("citizen_name"), rs.getString("citizen_email"), rs.getString("citizen_phone")),
        rs.getString("topic"), Sql.enumerated(rs, "channel", Channel.class),
        Sql.enumerated(rs, "language", Language.class), Sql.enumerated(rs, "status", Status.class),
        Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getInt("version"),
        rs.getInt("sequence_number"), rs.getString("note"));
  }

  private record Slot(String official, Instant start) {}
}
