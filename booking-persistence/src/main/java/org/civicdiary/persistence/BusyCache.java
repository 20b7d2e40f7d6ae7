/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.OfficialId;

/**
 * Officials' busy time kept in memory between queries. A department's eight weeks are tens of
 * thousands of rows, and carrying them out of the database on every widget query cost more than
 * computing the free time. Each official's entry is labelled with the stamp ({@code
 * official.busy_version}) read before its rows, and every change to what the official's active
 * reservations hold sets a new random stamp in the same unit of work. A query reads the stamps
 * (one row an official) and reloads only the officials whose stamp moved, so an answer is never
 * older than the database it was read from, on any number of nodes sharing the database.
 *
 * <p>Why this is safe: rows read after the stamp are at least as new as the stamp, so an entry is
 * never older than its label; and stamps are random, so a stamp set by a unit of work that rolled
 * back (or by a database rebuilt under a running node) is never seen again.
 */
final class BusyCache {
  /** Wider ranges are answered but not widened into: the memory an official takes stays bounded. */
  static final Duration WIDEST = Duration.ofDays(200);
  /** How far past its start a load reaches at least: the widget's eight weeks, and a week more. */
  static final Duration READ_AHEAD = Duration.ofDays(63);
  /** The stamp of an official written behind the adapter's back (or before stamps existed): never cached. */
  static final long UNSTAMPED = 0;

  private static final String STAMPS = """
      select id, busy_version
      from official
      where id = any(?)
      """;
  private static final String STAMP = """
      update official
      set busy_version = ?
      where id = ?
      """;
  private static final String STAMP_UNSTAMPED = """
      update official
      set busy_version = ?
      where busy_version = 0
      """;

  /** Loads the busy time of some officials that overlaps [from, to). */
  @FunctionalInterface
  interface Loader {
    List<BusyTime> load(Connection c, Collection<OfficialId> officials, Instant from, Instant to)
        throws SQLException;
  }

  /**
   * One official's busy time over [from, to), kept only as epoch seconds in arrays (and their
   * nanoseconds, when any has some): a query's {@link BusyTime}s are made when it asks. Kept as
   * objects, ten thousand officials' intervals took about 90 bytes each (a record and two
   * instants) and a node at -Xmx256m spent its time in full collections; as arrays they take 16,
   * and filtering them reads two arrays instead of chasing three objects each.
   */
  private static final class Entry {
    final long stamp;
    final Instant from;
    final Instant to;
    final OfficialId official;
    final long[] starts;
    final long[] ends;
    /** The nanoseconds of each start and end, or null when all are whole seconds (PostgreSQL's minutes). */
    final int[] startNanos;
    final int[] endNanos;

    Entry(long stamp, Instant from, Instant to, OfficialId official, List<BusyTime> busy) {
      this.stamp = stamp;
      this.from = from;
      this.to = to;
      this.official = official;
      int n = busy.size();
      starts = new long[n];
      ends = new long[n];
      int[] sn = new int[n];
      int[] en = new int[n];
      boolean nanos = false;
      for (int i = 0; i < n; i++) {
        BusyTime b = busy.get(i);
        starts[i] = b.start().getEpochSecond();
        ends[i] = b.end().getEpochSecond();
        sn[i] = b.start().getNano();
        en[i] = b.end().getNano();
        nanos |= sn[i] != 0 || en[i] != 0;
      }
      startNanos = nanos ? sn : null;
      endNanos = nanos ? en : null;
    }

    boolean covers(Instant start, Instant end) {
      return !from.isAfter(start) && !to.isBefore(end);
    }

    private Instant start(int i) {
      return Instant.ofEpochSecond(starts[i], startNanos == null ? 0 : startNanos[i]);
    }

    private Instant end(int i) {
      return Instant.ofEpochSecond(ends[i], endNanos == null ? 0 : endNanos[i]);
    }

    void addOverlapping(Instant start, Instant end, List<BusyTime> into) {
      boolean all = !start.isAfter(from) && !end.isBefore(to); // everything kept overlaps [from, to)
      long s = start.getEpochSecond();
      long e = end.getEpochSecond();
      for (int i = 0; i < starts.length; i++) {
        if (!all && (starts[i] > e || ends[i] < s)) {
          continue;
        }
        // Within the same second as a bound only the instants themselves can tell.
        if (all || (starts[i] < e && ends[i] > s) || (start(i).isBefore(end) && start.isBefore(end(i)))) {
          into.add(new BusyTime(official, start(i), end(i)));
        }
      }
    }
  }

  private final Map<OfficialId, Entry> entries = new ConcurrentHashMap<>();
  private final Loader loader;

  BusyCache(Loader loader) {
    this.loader = loader;
  }

  /**
   * Marks these officials' busy time as changed, in the caller's unit of work, unless the unit has
   * already stamped them (every later reader sees the unit's stamp, and nothing read inside the
   * unit after a stamp is kept). In a fixed order, so that two units of work stamping the same
   * officials queue instead of deadlocking.
   */
  static void stamp(JdbcTransactions tx, Connection c, Collection<String> officials) throws SQLException {
    Set<String> done = tx.unitState() == null ? null : tx.unitState().stampedOfficials;
    for (String official : officials.stream().distinct().sorted().toList()) {
      if (done == null || done.add(official)) {
        Sql.update(c, STAMP, newStamp(), official);
      }
    }
  }

  /**
   * Stamps the official, which locks its row until the unit of work ends.
   *
   * @return whether there is such an official
   */
  static boolean stampForLock(JdbcTransactions tx, Connection c, String official) throws SQLException {
    Set<String> done = tx.unitState() == null ? null : tx.unitState().stampedOfficials;
    if (done != null && done.contains(official)) {
      return true;
    }
    boolean exists = Sql.update(c, STAMP, newStamp(), official) > 0;
    if (exists && done != null) {
      done.add(official);
    }
    return exists;
  }

  /** Stamps a new official, so that its busy time can be kept from the first query. */
  static void stampUnstamped(Connection c, String official) throws SQLException {
    Sql.update(c, STAMP_UNSTAMPED + " and id = ?", newStamp(), official);
  }

  /**
   * Stamps the officials that a version before stamps left unstamped. Stamps are per official, so
   * they may all share one value.
   */
  static void stampAllUnstamped(Connection c) throws SQLException {
    Sql.update(c, STAMP_UNSTAMPED, newStamp());
  }

  /** A random stamp, never 0 (which means unstamped); shared with {@link DirectoryCache}. */
  static long newStamp() {
    long stamp;
    do {
      stamp = ThreadLocalRandom.current().nextLong();
    } while (stamp == UNSTAMPED);
    return stamp;
  }

  /**
   * @param mayKeep false inside a unit of work that has stamped: what it reads includes its own
   *     uncommitted changes under a stamp that later changes in the same unit would not renew
   */
  List<BusyTime> busy(Connection c, Collection<OfficialId> officials, Instant from, Instant to, boolean mayKeep)
      throws SQLException {
    Map<String, OfficialId> byValue = new LinkedHashMap<>();
    officials.forEach(o -> byValue.putIfAbsent(o.value(), o));
    Map<String, Long> stamps = new HashMap<>();
    for (Map.Entry<String, Long> row : Sql.list(c, STAMPS, rs -> Map.entry(rs.getString(1), rs.getLong(2)),
        Sql.texts(c, byValue.keySet()))) {
      stamps.put(row.getKey(), row.getValue());
    }
    List<BusyTime> result = new ArrayList<>();
    List<OfficialId> stale = new ArrayList<>();
    Instant loadFrom = from;
    Instant loadTo = to;
    for (OfficialId official : byValue.values()) {
      long stamp = stamps.getOrDefault(official.value(), UNSTAMPED);
      Entry entry = entries.get(official);
      boolean current = stamp != UNSTAMPED && entry != null && entry.stamp == stamp;
      if (current && entry.covers(from, to)) {
        entry.addOverlapping(from, to, result);
        continue;
      }
      stale.add(official);
      // Still current but narrower (a day, then the month around it): widen it rather than replace.
      if (current) {
        Instant widerFrom = min(loadFrom, entry.from);
        Instant widerTo = max(loadTo, entry.to);
        if (Duration.between(widerFrom, widerTo).compareTo(WIDEST) <= 0) {
          loadFrom = widerFrom;
          loadTo = widerTo;
        }
      }
    }
    if (stale.isEmpty()) {
      return result;
    }
    // Read ahead: the widget asks for one day, then the next, or for weeks from a random day; a
    // load of nine weeks answers what follows from memory, where loading each range as asked
    // read the same rows again with every widening.
    Instant ahead = loadFrom.plus(READ_AHEAD);
    if (mayKeep && ahead.isAfter(loadTo)) {
      loadTo = ahead;
    }
    Map<OfficialId, List<BusyTime>> loaded = new HashMap<>();
    for (BusyTime b : loader.load(c, stale, loadFrom, loadTo)) {
      loaded.computeIfAbsent(b.official(), o -> new ArrayList<>()).add(b);
    }
    boolean keep = mayKeep && Duration.between(loadFrom, loadTo).compareTo(WIDEST) <= 0;
    for (OfficialId official : stale) {
      List<BusyTime> busy = loaded.getOrDefault(official, List.of());
      long stamp = stamps.getOrDefault(official.value(), UNSTAMPED);
      Entry entry = new Entry(stamp, loadFrom, loadTo, official, busy);
      if (keep && stamp != UNSTAMPED) {
        entries.put(official, entry);
      }
      entry.addOverlapping(from, to, result);
    }
    return result;
  }

  /** How many officials' busy time is kept (for tests). */
  int size() {
    return entries.size();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
