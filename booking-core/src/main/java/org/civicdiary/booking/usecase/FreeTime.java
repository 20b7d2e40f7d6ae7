/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.ClosureDay;
import org.civicdiary.booking.holidays.HolidayCalendars;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.civicdiary.booking.error.SlotNotBookable.Reason;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.WebShare;
import org.civicdiary.booking.model.WebShareUse;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.Storage;

/**
 * Computes free time from diaries: the slot grid of the windows (local time, converted day by day so
 * that daylight-saving days get their real length), less holidays, absences, busy time from the
 * officials' own calendars (counted as absence) and held slots.
 * Works in epoch seconds on sorted arrays because a department's eight weeks are tens of
 * thousands of slots and this runs on every widget query.
 */
final class FreeTime {
  /** Which parts of the diary to leave out of the computation (to find why a time is not free). */
  enum Ignore {
    NOTHING,
    BUSY,
    BUSY_AND_HOLIDAYS,
    BUSY_AND_CLOSURES,
    BUSY_AND_ABSENCES
  }

  /**
   * Who asks, for the phone shares of windows: {@code ALL} ignores them (the diary's own time),
   * {@code WEB} leaves out what the web may not take before the release, {@code STAFF} keeps it
   * and marks it as phone share.
   */
  enum Seen {
    ALL,
    WEB,
    STAFF
  }

  private static final Comparator<Window> BY_START = Comparator.comparing(Window::start);
  private final Storage storage;
  private final HolidayCalendars holidays;
  private final Clock clock;

  FreeTime(Storage storage, HolidayCalendars holidays, Clock clock) {
    this.storage = storage;
    this.holidays = holidays;
    this.clock = clock;
  }

  /**
   * Free starts of meetings that take {@code slots} consecutive slots, for each official, on the
   * local days [from, to], starting no earlier than {@code earliest}; by start, then official.
   */
  List<FreeSlot> find(Office office, List<OfficialId> officials, LocalDate from, LocalDate to,
      Instant earliest, AgendaId agenda, int slots, Ignore ignore) {
    return find(office, officials, from, to, earliest, agenda, slots, ignore, Seen.ALL);
  }

  /**
   * Free meetings as {@link #find(Office, List, LocalDate, LocalDate, Instant, AgendaId, int, Ignore)}, as
   * {@code seen} sees them; only in windows that serve the agenda (null: any window).
   */
  List<FreeSlot> find(Office office, List<OfficialId> officials, LocalDate from, LocalDate to,
      Instant earliest, AgendaId agenda, int slots, Ignore ignore, Seen seen) {
    if (from.isAfter(to) || officials.isEmpty()) {
      return List.of();
    }
    Days days = new Days(office.zone(), from, to, holidays.of(office));
    Free[] free = collectAll(office, officials, days, earliest, agenda, slots, ignore, seen);
    long slot = office.slotLength().getSeconds();
    return officials.size() == 1 ? free[0].slots(officials.get(0), slot, slots) : byStartThenOfficial(officials, free, slot, slots);
  }

  /**
   * How many distinct free starts each local day [from, to] has (officials free at the same time
   * count once), indexed from {@code from}: the calendar's question, answered from the same arrays
   * as {@link #find} without a slot object per official and start (a department's eight weeks are
   * over 100,000 of them, megabytes per query).
   */
  int[] startsPerDay(Office office, List<OfficialId> officials, LocalDate from, LocalDate to, Instant earliest,
      AgendaId agenda, int slots, Seen seen) {
    int[] perDay = new int[from.isAfter(to) ? 0 : (int) (to.toEpochDay() - from.toEpochDay() + 1)];
    if (perDay.length == 0 || officials.isEmpty()) {
      return perDay;
    }
    Days days = new Days(office.zone(), from, to, holidays.of(office));
    Free[] free = collectAll(office, officials, days, earliest, agenda, slots, Ignore.NOTHING, seen);
    long slot = office.slotLength().getSeconds();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Free f : free) {
      if (f.count > 0) {
        min = Math.min(min, f.starts[0]);
        max = Math.max(max, f.starts[f.count - 1]);
      }
    }
    if (min > max) {
      return perDay;
    }
    // every start lies on the slot grid: mark each once, then walk the grid day by day
    boolean[] taken = new boolean[(int) ((max - min) / slot) + 1];
    for (Free f : free) {
      for (int j = 0; j < f.count; j++) {
        taken[(int) ((f.starts[j] - min) / slot)] = true;
      }
    }
    int d = 0;
    for (int k = 0; k < taken.length; k++) {
      if (taken[k]) {
        long t = min + k * slot;
        while (t >= days.midnight[d + 1]) {
          d++;
        }
        perDay[d]++;
      }
    }
    return perDay;
  }

  /** Each official's free meetings (by position in the list) on the days. */
  private Free[] collectAll(Office office, List<OfficialId> officials, Days days, Instant earliest, AgendaId agenda,
      int slots, Ignore ignore, Seen seen) {
    Instant rangeStart = Instant.ofEpochSecond(days.start);
    Instant rangeEnd = Instant.ofEpochSecond(days.end);
    int n = officials.size();
    // Each official's position in the list (the first, should one be listed twice).
    Map<OfficialId, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.putIfAbsent(officials.get(i), i);
    }
    Map<OfficialId, List<Window>> windows = storage.diaries().windows(officials);
    long[][] absent = ignore == Ignore.BUSY_AND_ABSENCES
        ? new long[n][0]
        : merged(storage.diaries().absences(officials, rangeStart, rangeEnd), index, n,
            Absence::official, Absence::start, Absence::end);
    if (ignore != Ignore.BUSY_AND_ABSENCES) {
      // Busy time from the officials' own calendars blocks the diary like an absence.
      List<BusyTime> external = storage.busyFeeds().busy(officials, rangeStart, rangeEnd);
      if (!external.isEmpty()) {
        long[][] blocked = merged(external, index, n, BusyTime::official, BusyTime::start, BusyTime::end);
        for (int i = 0; i < n; i++) {
          absent[i] = union(absent[i], blocked[i]);
        }
      }
    }
    if (ignore != Ignore.BUSY_AND_CLOSURES) {
      // A closed day removes the whole local day, as an absence would.
      long[][] closed = closed(office, officials, days);
      for (int i = 0; closed != null && i < n; i++) {
        absent[i] = union(absent[i], closed[i]);
      }
    }
    long[][] busy = ignore != Ignore.NOTHING
        ? new long[n][0]
        : merged(storage.reservations().busy(officials, rangeStart, rangeEnd), index, n,
            BusyTime::official, BusyTime::start, BusyTime::end);
    long slot = office.slotLength().getSeconds();
    // A start within the second the notice ends is already too soon.
    long notBefore = earliest.getEpochSecond() + (earliest.getNano() > 0 ? 1 : 0);
    Map<OfficialId, Map<Long, Integer>> taken = seen == Seen.ALL || !keepPhoneShares(windows)
        ? null : webSharesTaken(officials, rangeStart, rangeEnd);
    Free[] free = new Free[n];
    for (int i = 0; i < n; i++) {
      int at = index.get(officials.get(i));
      Shares shares = taken == null ? null : new Shares(seen, clock.instant().getEpochSecond(),
          office.policy().phoneShareRelease().getSeconds(), taken.getOrDefault(officials.get(i), Map.of()));
      free[i] = collect(serving(windows.getOrDefault(officials.get(i), List.of()), agenda), days, absent[at], busy[at],
          notBefore, slot, slots, ignore == Ignore.BUSY_AND_HOLIDAYS, shares);
    }
    return free;
  }

  /** The windows that serve the agenda: a Saturday service for ID cards offers no other agenda. */
  private static List<Window> serving(List<Window> windows, AgendaId agenda) {
    if (agenda == null) {
      return windows;
    }
    List<Window> serving = new ArrayList<>(windows.size());
    for (Window w : windows) {
      if (w.serves(agenda)) {
        serving.add(w);
      }
    }
    return serving;
  }

  /**
   * Per official (by position in the query), the office's closure days that close their
   * department, as whole local days in sorted pairs; null when the office has none in the range.
   */
  private long[][] closed(Office office, List<OfficialId> officials, Days days) {
    List<ClosureDay> closures = storage.diaries().closureDays(office.id(), days.date(0), days.date(days.count - 1));
    if (closures.isEmpty()) {
      return null;
    }
    boolean byDepartment = closures.stream().anyMatch(c -> c.department() != null);
    long first = days.date(0).toEpochDay();
    long[][] closed = new long[officials.size()][];
    for (int i = 0; i < closed.length; i++) {
      DepartmentId department = byDepartment
          ? storage.directory().official(officials.get(i)).map(Official::department).orElse(null) : null;
      long[] pairs = new long[closures.size() * 2];
      int k = 0;
      for (ClosureDay c : closures) {
        if (c.department() == null || c.department().equals(department)) {
          int d = (int) (c.date().toEpochDay() - first);
          pairs[k++] = days.midnight[d];
          pairs[k++] = days.midnight[d + 1];
        }
      }
      closed[i] = mergeSorted(Arrays.copyOf(pairs, k));
    }
    return closed;
  }

  private static boolean keepPhoneShares(Map<OfficialId, List<Window>> windows) {
    for (List<Window> of : windows.values()) {
      for (Window w : of) {
        if (w.keepsPhoneShare()) {
          return true;
        }
      }
    }
    return false;
  }

  private Map<OfficialId, Map<Long, Integer>> webSharesTaken(List<OfficialId> officials, Instant from, Instant to) {
    Map<OfficialId, Map<Long, Integer>> taken = new HashMap<>();
    for (WebShareUse use : storage.reservations().webShareUse(officials, from, to)) {
      taken.computeIfAbsent(use.official(), o -> new HashMap<>()).put(use.start().getEpochSecond(), use.taken());
    }
    return taken;
  }

  /**
   * The web's shares of the window occurrences not yet released that [start, end) of the
   * official's diary touches: what a web booking of that time must take seats of.
   */
  List<WebShare> webShares(Office office, OfficialId official, Instant start, Instant end) {
    List<Window> windows = storage.diaries().windows(List.of(official)).getOrDefault(official, List.of());
    if (!keepPhoneShares(Map.of(official, windows))) {
      return List.of();
    }
    Days days = new Days(office.zone(), LocalDate.ofInstant(start, office.zone()),
        LocalDate.ofInstant(end.minusNanos(1), office.zone()), holidays.of(office));
    long slot = office.slotLength().getSeconds();
    long releasedUntil = clock.instant().getEpochSecond() + office.policy().phoneShareRelease().getSeconds();
    List<WebShare> shares = new ArrayList<>();
    for (int d = 0; d < days.count; d++) {
      for (Window w : windows) {
        if (!w.keepsPhoneShare() || !w.opensOn(days.date(d), days.holiday[d])) {
          continue;
        }
        long from = days.epoch(d, w.start());
        long to = days.epoch(d, w.end());
        // released once the occurrence begins within the release lead from now
        if (from > releasedUntil && from < end.getEpochSecond() && start.getEpochSecond() < to) {
          int capacity = capacity(from, to, slot);
          shares.add(new WebShare(official, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to),
              capacity - w.phoneShare(capacity)));
        }
      }
    }
    return shares;
  }

  /** How many slots of the grid an occurrence [from, to) has. */
  private static int capacity(long from, long to, long slot) {
    long first = ceil(from, slot);
    return first + slot > to ? 0 : (int) ((to - first) / slot);
  }

  /**
   * The phone shares of one official's window occurrences, as one query sees them.
   *
   * @param now the query's instant in epoch seconds
   * @param release the office's release lead in seconds
   * @param taken web-share seats taken, by occurrence start in epoch seconds
   */
  private record Shares(Seen seen, long now, long release, Map<Long, Integer> taken) {
    /** How many slots the web may still take in the occurrence, or -1 when it is released (or keeps no share). */
    int webLeft(Window w, long from, long to, long slot) {
      if (!w.keepsPhoneShare() || from - release <= now) {
        return -1;
      }
      int capacity = capacity(from, to, slot);
      return Math.max(0, capacity - w.phoneShare(capacity) - taken.getOrDefault(from, 0));
    }
  }

  /**
   * Why a meeting of {@code slots} slots at {@code start} is not in the official's diary (held
   * slots aside: the store guards those), or empty if it is.
   */
  Optional<Reason> whyNot(Office office, OfficialId official, Instant start, AgendaId agenda, int slots,
      Instant earliest, LocalDate lastDay) {
    long slot = office.slotLength().getSeconds();
    if (start.getEpochSecond() % slot != 0 || start.getNano() != 0) {
      return Optional.of(Reason.MISALIGNED);
    }
    if (start.isBefore(earliest)) {
      return Optional.of(Reason.TOO_SOON);
    }
    LocalDate day = LocalDate.ofInstant(start, office.zone());
    if (day.isAfter(lastDay)) {
      return Optional.of(Reason.TOO_FAR_AHEAD);
    }
    if (fits(office, official, start, agenda, slots, Ignore.BUSY)) {
      return Optional.empty();
    }
    if (fits(office, official, start, agenda, slots, Ignore.BUSY_AND_HOLIDAYS)) {
      return Optional.of(Reason.HOLIDAY);
    }
    if (fits(office, official, start, agenda, slots, Ignore.BUSY_AND_CLOSURES)) {
      return Optional.of(Reason.CLOSED);
    }
    if (fits(office, official, start, agenda, slots, Ignore.BUSY_AND_ABSENCES)) {
      return Optional.of(Reason.ABSENT);
    }
    if (fits(office, official, start, null, slots, Ignore.BUSY)) {
      return Optional.of(Reason.AGENDA_NOT_SERVED);
    }
    return Optional.of(Reason.OUTSIDE_DIARY);
  }

  /** Whether the diary (windows, holidays, absences, as {@code ignore} says) has this meeting's time. */
  boolean fits(Office office, OfficialId official, Instant start, AgendaId agenda, int slots, Ignore ignore) {
    LocalDate day = LocalDate.ofInstant(start, office.zone());
    return find(office, List.of(official), day, day, start, agenda, slots, ignore).stream()
        .anyMatch(s -> s.start().equals(start));
  }

  /** The starts of free meetings of one official, ascending, with the place of their window. */
  private static final class Free {
    long[] starts = new long[64];
    Place[] places = new Place[64];
    int count;
    /** Per start, the phone-share occurrence it lies in (an index into {@link #webLeft}), or -1; null when none. */
    int[] occurrence;
    /** Per phone-share occurrence, how many slots the web may still take there. */
    int[] webLeft;
    int occurrences;
    /** Per start, whether it is phone share; null when none is. */
    boolean[] phone;

    void add(long start, Place place, int inOccurrence) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        places = Arrays.copyOf(places, count * 2);
        if (occurrence != null) {
          occurrence = Arrays.copyOf(occurrence, count * 2);
        }
      }
      starts[count] = start;
      places[count] = place;
      if (inOccurrence >= 0 && occurrence == null) {
        occurrence = new int[starts.length];
        Arrays.fill(occurrence, 0, count, -1);
      }
      if (occurrence != null) {
        occurrence[count] = inOccurrence;
      }
      count++;
    }

    int occurrence(int webLeftThere) {
      if (webLeft == null) {
        webLeft = new int[8];
      } else if (occurrences == webLeft.length) {
        webLeft = Arrays.copyOf(webLeft, occurrences * 2);
      }
      webLeft[occurrences] = webLeftThere;
      return occurrences++;
    }

    boolean phone(int i) {
      return phone != null && phone[i];
    }

    List<FreeSlot> slots(OfficialId official, long slot, int slots) {
      List<FreeSlot> result = new ArrayList<>(count);
      long length = slot * slots;
      for (int i = 0; i < count; i++) {
        result.add(new FreeSlot(official, Instant.ofEpochSecond(starts[i]), Instant.ofEpochSecond(starts[i] + length),
            places[i], phone(i)));
      }
      return result;
    }
  }

  private static Free collect(List<Window> windows, Days days, long[] absent, long[] busy, long earliest,
      long slot, int slots, boolean ignoreHolidays, Shares shares) {
    Free free = new Free();
    if (windows.isEmpty()) {
      return free;
    }
    List<Window> sorted = new ArrayList<>(windows);
    sorted.sort(BY_START);
    long last = Long.MIN_VALUE;
    int a = 0;
    int b = 0;
    for (int d = 0; d < days.count; d++) {
      LocalDate date = days.date(d);
      boolean holiday = !ignoreHolidays && days.holiday[d];
      for (Window w : sorted) {
        if (!w.opensOn(date, holiday)) {
          continue;
        }
        long opens = days.epoch(d, w.start());
        long from = ceil(opens, slot);
        long to = days.epoch(d, w.end());
        int webLeft = shares == null ? -1 : shares.webLeft(w, opens, to, slot);
        int occurrence = webLeft < 0 ? -1 : free.occurrence(webLeft);
        for (long t = from; t + slot <= to; t += slot) {
          if (t <= last || t < earliest) {
            continue;
          }
          last = t;
          while (a < absent.length && absent[a + 1] <= t) {
            a += 2;
          }
          if (a < absent.length && absent[a] < t + slot) {
            continue;
          }
          while (b < busy.length && busy[b + 1] <= t) {
            b += 2;
          }
          if (b < busy.length && busy[b] < t + slot) {
            continue;
          }
          free.add(t, w.place(), occurrence);
        }
      }
    }
    // Meetings of several slots start where that many free slots follow each other; kept in place.
    long span = (slots - 1) * slot;
    int meetings = 0;
    for (int i = 0; i + slots - 1 < free.count; i++) {
      if (free.starts[i + slots - 1] == free.starts[i] + span) {
        free.starts[meetings] = free.starts[i];
        free.places[meetings] = free.places[i];
        if (free.occurrence != null) {
          free.occurrence[meetings] = free.occurrence[i];
        }
        meetings++;
      }
    }
    free.count = meetings;
    if (free.occurrence != null) {
      phoneShare(free, slots, shares.seen());
    }
    return free;
  }

  /**
   * In each occurrence not yet released, the web may take the first starts while its share has
   * room for a whole meeting: as many as a meeting fits into what is left, the later ones are the
   * phone share. The web does not see those; staff see them marked.
   */
  private static void phoneShare(Free free, int slots, Seen seen) {
    int[] seenIn = new int[free.occurrences];
    boolean[] phone = new boolean[free.count];
    int kept = 0;
    for (int i = 0; i < free.count; i++) {
      int o = free.occurrence[i];
      phone[i] = o >= 0 && seenIn[o]++ >= free.webLeft[o] - slots + 1;
      if (seen == Seen.STAFF || !phone[i]) {
        free.starts[kept] = free.starts[i];
        free.places[kept] = free.places[i];
        phone[kept] = phone[i];
        kept++;
      }
    }
    free.count = kept;
    free.phone = seen == Seen.STAFF ? phone : null;
  }

  /**
   * All officials' free meetings by start, then by official id: a counting sort over the slot grid
   * (every start lies on it), far cheaper than comparing tens of thousands of slots. Each start and
   * end instant is made once and shared by the officials free at that time.
   */
  private static List<FreeSlot> byStartThenOfficial(List<OfficialId> officials, Free[] free, long slot, int slots) {
    int n = officials.size();
    int total = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Free f : free) {
      total += f.count;
      if (f.count > 0) {
        min = Math.min(min, f.starts[0]);
        max = Math.max(max, f.starts[f.count - 1]);
      }
    }
    if (total == 0) {
      return List.of();
    }
    Integer[] byId = new Integer[n];
    for (int i = 0; i < n; i++) {
      byId[i] = i;
    }
    Arrays.sort(byId, Comparator.comparing(i -> officials.get(i).value()));
    int[] position = new int[(int) ((max - min) / slot) + 2];
    for (Free f : free) {
      for (int j = 0; j < f.count; j++) {
        position[(int) ((f.starts[j] - min) / slot) + 1]++;
      }
    }
    for (int k = 1; k < position.length; k++) {
      position[k] += position[k - 1];
    }
    int[] who = new int[total];
    int[] which = new int[total];
    for (int i : byId) {
      Free f = free[i];
      for (int j = 0; j < f.count; j++) {
        int p = position[(int) ((f.starts[j] - min) / slot)]++;
        who[p] = i;
        which[p] = j;
      }
    }
    List<FreeSlot> result = new ArrayList<>(total);
    long length = slot * slots;
    long current = Long.MIN_VALUE;
    Instant start = null;
    Instant end = null;
    for (int p = 0; p < total; p++) {
      Free f = free[who[p]];
      long t = f.starts[which[p]];
      if (t != current) {
        current = t;
        start = Instant.ofEpochSecond(t);
        end = Instant.ofEpochSecond(t + length);
      }
      result.add(new FreeSlot(officials.get(who[p]), start, end, f.places[which[p]], f.phone(which[p])));
    }
    return result;
  }

  private static long ceil(long t, long slot) {
    return Math.floorDiv(t + slot - 1, slot) * slot;
  }

  /**
   * Per official (by position in the query), the intervals as sorted, merged [start, end) pairs in
   * epoch seconds, flattened into one array. Storage usually returns them grouped and sorted
   * already; they are sorted only when not.
   */
  private static <T> long[][] merged(Collection<T> items, Map<OfficialId, Integer> index, int n,
      Function<T, OfficialId> owner, Function<T, Instant> start, Function<T, Instant> end) {
    int[] count = new int[n];
    int[] at = new int[items.size()];
    int item = 0;
    OfficialId previous = null;
    Integer k = null;
    for (T t : items) {
      // Items come grouped by official: look each one up once, not once per item.
      OfficialId official = owner.apply(t);
      if (official != previous) {
        previous = official;
        k = index.get(official);
      }
      at[item++] = k == null ? -1 : k;
      if (k != null) {
        count[k]++;
      }
    }
    long[][] flat = new long[n][];
    for (int j = 0; j < n; j++) {
      flat[j] = new long[count[j] * 2];
    }
    int[] fill = new int[n];
    boolean[] unsorted = new boolean[n];
    item = 0;
    for (T t : items) {
      int j = at[item++];
      if (j < 0) {
        continue;
      }
      long s = start.apply(t).getEpochSecond();
      int f = fill[j];
      if (f > 0 && s < flat[j][f - 2]) {
        unsorted[j] = true;
      }
      flat[j][f] = s;
      flat[j][f + 1] = end.apply(t).getEpochSecond();
      fill[j] = f + 2;
    }
    for (int j = 0; j < n; j++) {
      if (unsorted[j]) {
        sortPairs(flat[j]);
      }
      flat[j] = mergeSorted(flat[j]);
    }
    return flat;
  }

  private static void sortPairs(long[] pairs) {
    long[][] split = new long[pairs.length / 2][];
    for (int i = 0; i < split.length; i++) {
      split[i] = new long[] {pairs[2 * i], pairs[2 * i + 1]};
    }
    Arrays.sort(split, Comparator.comparingLong(p -> p[0]));
    for (int i = 0; i < split.length; i++) {
      pairs[2 * i] = split[i][0];
      pairs[2 * i + 1] = split[i][1];
    }
  }

  /** Two sorted, merged pair arrays as one. */
  private static long[] union(long[] a, long[] b) {
    if (b.length == 0) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    long[] both = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || i < a.length && a[i] <= b[j]) {
        both[k++] = a[i++];
        both[k++] = a[i++];
      } else {
        both[k++] = b[j++];
        both[k++] = b[j++];
      }
    }
    return mergeSorted(both);
  }

  /** Joins overlapping or touching intervals of sorted pairs. */
  private static long[] mergeSorted(long[] pairs) {
    int m = 0;
    for (int i = 0; i < pairs.length; i += 2) {
      if (m > 0 && pairs[i] <= pairs[m - 1]) {
        pairs[m - 1] = Math.max(pairs[m - 1], pairs[i + 1]);
      } else {
        pairs[m++] = pairs[i];
        pairs[m++] = pairs[i + 1];
      }
    }
    return m == pairs.length ? pairs : Arrays.copyOf(pairs, m);
  }

  /** The local days of a query, with what is shared by all officials: holidays and midnights. */
  private static final class Days {
    final int count;
    final long start;
    final long end;
    final boolean[] holiday;
    private final LocalDate[] dates;
    private final ZoneId zone;
    final long[] midnight;
    private final boolean[] transition;

    Days(ZoneId zone, LocalDate from, LocalDate to, HolidayCalendar holidays) {
      this.zone = zone;
      this.count = (int) (to.toEpochDay() - from.toEpochDay() + 1);
      this.dates = new LocalDate[count];
      this.holiday = new boolean[count];
      this.midnight = new long[count + 1];
      this.transition = new boolean[count];
      ZoneRules rules = zone.getRules();
      for (int d = 0; d <= count; d++) {
        midnight[d] = from.plusDays(d).atStartOfDay(zone).toEpochSecond();
      }
      for (int d = 0; d < count; d++) {
        dates[d] = from.plusDays(d);
        holiday[d] = holidays.isHoliday(dates[d]);
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(midnight[d]));
        transition[d] = next != null && next.getInstant().getEpochSecond() < midnight[d + 1];
      }
      this.start = midnight[0];
      this.end = midnight[count];
    }

    LocalDate date(int d) {
      return dates[d];
    }

    /** The instant of a local time on day d; on a day the offset changes, by the zone's rules. */
    long epoch(int d, LocalTime time) {
      if (!transition[d]) {
        return midnight[d] + time.toSecondOfDay();
      }
      return ZonedDateTime.of(date(d), time, zone).toEpochSecond();
    }
  }
}
