/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Waited;
import org.civicdiary.booking.port.CheckIns;

/** The {@code check_in} table. */
final class JdbcCheckIns implements CheckIns {
  private static final String SELECT = """
      select reservation_id, arrived_at, checked_in_by, started_at, ended_at from check_in
      """;
  private static final String WAITED = """
      select r.department_id, r.start_at, c.arrived_at, c.started_at
      from check_in c join reservation r on r.id = c.reservation_id
      where c.started_at is not null and r.department_id = any(?) and r.start_at >= ? and r.start_at < ?
      order by r.start_at, r.id
      """;

  private final JdbcTransactions tx;

  JdbcCheckIns(JdbcTransactions tx) {
    this.tx = tx;
  }

  /**
   * Takes the reservation's row first: a second unit of work adding at once waits for the first
   * to end and then finds its check-in, on both engines, instead of failing on the primary key.
   */
  @Override
  public boolean add(CheckIn k) {
    return tx.atomically(c -> {
      if (Sql.list(c, "select id from reservation where id = ? for update", rs -> 1, k.reservation().value()).isEmpty()) {
        throw new NotFound("reservation", k.reservation().toString());
      }
      if (Sql.count(c, "select count(*) from check_in where reservation_id = ?", k.reservation().value()) > 0) {
        return false;
      }
      Sql.update(c, """
          insert into check_in (reservation_id, arrived_at, checked_in_by, started_at, ended_at)
          values (?, ?, ?, ?, ?)""", k.reservation().value(), k.arrivedAt(), k.checkedInBy(), k.startedAt(),
          k.endedAt());
      return true;
    });
  }

  @Override
  public void update(CheckIn k) {
    int changed = tx.statement(c -> Sql.update(c, """
        update check_in set arrived_at = ?, checked_in_by = ?, started_at = ?, ended_at = ?
        where reservation_id = ?""", k.arrivedAt(), k.checkedInBy(), k.startedAt(), k.endedAt(),
        k.reservation().value()));
    if (changed == 0) {
      throw new NotFound("check-in", k.reservation().toString());
    }
  }

  @Override
  public Optional<CheckIn> find(ReservationId reservation) {
    return tx.statement(c -> Sql.one(c, SELECT + "where reservation_id = ?", JdbcCheckIns::checkIn,
        reservation.value()));
  }

  @Override
  public List<CheckIn> of(Collection<ReservationId> reservations) {
    if (reservations.isEmpty()) {
      return List.of();
    }
    return tx.statement(c -> Sql.list(c, SELECT + "where reservation_id = any(?)", JdbcCheckIns::checkIn,
        Sql.uuids(c, reservations.stream().map(ReservationId::value).toList())));
  }

  @Override
  public List<Waited> waited(Collection<DepartmentId> departments, Instant from, Instant to) {
    return tx.statement(c -> Sql.list(c, WAITED, rs -> new Waited(DepartmentId.of(rs.getString(1)),
        Sql.instant(rs, 2), Sql.instant(rs, 3), Sql.instant(rs, 4)),
        Sql.texts(c, departments.stream().map(DepartmentId::value).toList()), from, to));
  }

  @Override
  public int forgetCheckedInBefore(Instant cutoff) {
    return tx.statement(c -> Sql.update(c,
        "update check_in set checked_in_by = null where checked_in_by is not null and arrived_at < ?", cutoff));
  }

  private static CheckIn checkIn(ResultSet rs) throws SQLException {
    return new CheckIn(new ReservationId(Sql.uuid(rs, "reservation_id")), Sql.instant(rs, "arrived_at"),
        rs.getString("checked_in_by"), Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at"));
  }
}
