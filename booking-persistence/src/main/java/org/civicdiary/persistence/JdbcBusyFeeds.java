/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.BusyConflict;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.port.BusyFeeds;

/** The {@code busy_feed}, {@code busy_time} and {@code busy_conflict} tables. */
final class JdbcBusyFeeds implements BusyFeeds {
  private static final String SELECT = """
      select official_id, url, etag, last_modified, polled_at, succeeded_at, failure, failure_detail
      from busy_feed
      """;
  private static final String INSERT = """
      insert into busy_feed (official_id, url, etag, last_modified, polled_at, succeeded_at, failure, failure_detail)
      select id, ?, ?, ?, ?, ?, ?, ? from official where id = ?
      """;
  private static final String BUSY = """
      select official_id, start_at, end_at from busy_time
      where official_id = any(?) and end_at > ? and start_at < ?
      order by official_id, start_at
      """;
  private static final String CONFLICTS = """
      select reservation_id, official_id, busy_start, busy_end, found_at from busy_conflict
      """;
  private static final String INSERT_CONFLICT = """
      insert into busy_conflict (reservation_id, official_id, busy_start, busy_end, found_at)
      values (?, ?, ?, ?, ?)
      """;

  private final JdbcTransactions tx;

  JdbcBusyFeeds(JdbcTransactions tx) {
    this.tx = tx;
  }

  /** Delete and insert in one unit of work: the same on both engines. */
  @Override
  public void save(BusyFeed f) {
    tx.atomically(c -> {
      Sql.update(c, "delete from busy_feed where official_id = ?", f.official().value());
      if (Sql.update(c, INSERT, f.url().toString(), f.etag(), f.lastModified(), f.polledAt(), f.succeededAt(),
          f.failure() == null ? null : f.failure().name(), f.failureDetail(), f.official().value()) == 0) {
        throw new NotFound("official", f.official().value());
      }
      return null;
    });
  }

  @Override
  public boolean remove(OfficialId official) {
    return tx.atomically(c -> {
      Sql.update(c, "delete from busy_conflict where official_id = ?", official.value());
      Sql.update(c, "delete from busy_time where official_id = ?", official.value());
      return Sql.update(c, "delete from busy_feed where official_id = ?", official.value()) > 0;
    });
  }

  @Override
  public Optional<BusyFeed> ofOfficial(OfficialId official) {
    return tx.statement(c -> Sql.one(c, SELECT + "where official_id = ?", JdbcBusyFeeds::feed, official.value()));
  }

  @Override
  public List<BusyFeed> all() {
    return tx.statement(c -> Sql.list(c, SELECT + "order by official_id", JdbcBusyFeeds::feed));
  }

  @Override
  public void replaceBusy(OfficialId official, List<BusyTime> busy) {
    // Writes only what changed: a calendar moves an event or two between polls, and rewriting its
    // hundred intervals each time was the WAL and the lock time a catch-up poll made bookings wait on.
    tx.atomically(c -> {
      Map<List<Instant>, Integer> have = counted(Sql.list(c,
          "select start_at, end_at from busy_time where official_id = ?",
          rs -> List.of(Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at")), official.value()));
      Map<List<Instant>, Integer> want = counted(busy.stream().map(b -> List.of(b.start(), b.end())).toList());
      List<Object[]> gone = new ArrayList<>();
      List<Object[]> added = new ArrayList<>();
      Set<List<Instant>> keys = new HashSet<>(have.keySet());
      keys.addAll(want.keySet());
      for (List<Instant> key : keys) {
        int had = have.getOrDefault(key, 0);
        int wanted = want.getOrDefault(key, 0);
        if (had == wanted) {
          continue;
        }
        // Copies of one interval (a calendar may repeat an event) are rewritten together.
        if (had > 0) {
          gone.add(new Object[] {official.value(), key.get(0), key.get(1)});
        }
        for (int i = 0; i < wanted; i++) {
          added.add(new Object[] {official.value(), key.get(0), key.get(1)});
        }
      }
      Sql.batch(c, "delete from busy_time where official_id = ? and start_at = ? and end_at = ?", gone);
      Sql.batch(c, "insert into busy_time (official_id, start_at, end_at) values (?, ?, ?)", added);
      return null;
    });
  }

  private static Map<List<Instant>, Integer> counted(List<List<Instant>> intervals) {
    Map<List<Instant>, Integer> counts = new HashMap<>();
    intervals.forEach(i -> counts.merge(i, 1, Integer::sum));
    return counts;
  }

  @Override
  public List<BusyTime> busy(Collection<OfficialId> officials, Instant from, Instant to) {
    Map<String, OfficialId> byValue = officials.stream()
        .collect(Collectors.toMap(OfficialId::value, Function.identity(), (a, b) -> a));
    return tx.statement(c -> Sql.list(c, BUSY, rs -> new BusyTime(byValue.get(rs.getString(1)), Sql.instant(rs, 2),
        Sql.instant(rs, 3)), Sql.texts(c, byValue.keySet()), from, to));
  }

  @Override
  public void addConflict(BusyConflict k) {
    tx.atomically(c -> {
      Sql.update(c, "delete from busy_conflict where reservation_id = ?", k.reservation().value());
      Sql.update(c, INSERT_CONFLICT, k.reservation().value(), k.official().value(), k.busyStart(), k.busyEnd(),
          k.foundAt());
      return null;
    });
  }

  @Override
  public boolean removeConflict(ReservationId reservation) {
    return tx.statement(c -> Sql.update(c, "delete from busy_conflict where reservation_id = ?",
        reservation.value())) > 0;
  }

  @Override
  public List<BusyConflict> conflicts() {
    return tx.statement(c -> Sql.list(c, CONFLICTS + "order by busy_start, reservation_id", JdbcBusyFeeds::conflict));
  }

  @Override
  public List<BusyConflict> conflicts(OfficialId official) {
    return tx.statement(c -> Sql.list(c, CONFLICTS + "where official_id = ? order by busy_start, reservation_id",
        JdbcBusyFeeds::conflict, official.value()));
  }

  private static BusyConflict conflict(ResultSet rs) throws SQLException {
    return new BusyConflict(new ReservationId(Sql.uuid(rs, "reservation_id")), OfficialId.of(rs.getString("official_id")),
        Sql.instant(rs, "busy_start"), Sql.instant(rs, "busy_end"), Sql.instant(rs, "found_at"));
  }

  private static BusyFeed feed(ResultSet rs) throws SQLException {
    return new BusyFeed(OfficialId.of(rs.getString("official_id")), URI.create(rs.getString("url")),
        rs.getString("etag"), rs.getString("last_modified"), Sql.instant(rs, "polled_at"),
        Sql.instant(rs, "succeeded_at"), Sql.enumerated(rs, "failure", BusyFeed.Failure.class),
        rs.getString("failure_detail"));
  }
}
