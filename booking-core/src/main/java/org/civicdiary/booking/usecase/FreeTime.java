package org.civicdiary.booking.usecase;

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
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.Storage;

/**
 * Computes free time from diaries: the slot grid of the windows (local time, converted day by day so
 * that daylight-saving days get their real length), less holidays, absences and held slots.
 * Works in epoch seconds on sorted arrays because a department's eight weeks are tens of
 * thousands of slots and this runs on every widget query.
 */
final class FreeTime {
  /** Which parts of the diary to leave out of the computation (to find why a time is not free). */
  enum Ignore {
    NOTHING,
    BUSY,
    BUSY_AND_HOLIDAYS,
    BUSY_AND_ABSENCES
  }

  private static final Comparator<Window> BY_START = Comparator.comparing(Window::start);
  private final Storage storage;
  private final HolidayCalendar holidays;

  FreeTime(Storage storage, HolidayCalendar holidays) {
    this.storage = storage;
    this.holidays = holidays;
  }

  /**
   * Free starts of meetings that take {@code slots} consecutive slots, for each official, on the
   * local days [from, to], starting no earlier than {@code earliest}; by start, then official.
   */
  List<FreeSlot> find(Office office, List<OfficialId> officials, LocalDate from, LocalDate to,
      Instant earliest, int slots, Ignore ignore) {
    if (from.isAfter(to) || officials.isEmpty()) {
      return List.of();
    }
    Days days = new Days(office.zone(), from, to, holidays);
    Instant rangeStart = Instant.ofEpochSecond(days.start);
    Instant rangeEnd = Instant.ofEpochSecond(days.end);
    Map<OfficialId, List<Window>> windows = storage.diaries().windows(officials);
    Map<OfficialId, long[]> absent = ignore == Ignore.BUSY_AND_ABSENCES
        ? Map.of()
        : merged(storage.diaries().absences(officials, rangeStart, rangeEnd),
            Absence::official, a -> a.start().getEpochSecond(), a -> a.end().getEpochSecond());
    Map<OfficialId, long[]> busy = ignore != Ignore.NOTHING
        ? Map.of()
        : merged(storage.reservations().busy(officials, rangeStart, rangeEnd),
            BusyTime::official, b -> b.start().getEpochSecond(), b -> b.end().getEpochSecond());
    List<FreeSlot> result = new ArrayList<>();
    long slot = office.slotLength().getSeconds();
    for (OfficialId official : officials) {
      collect(official, windows.getOrDefault(official, List.of()), days,
          absent.getOrDefault(official, new long[0]), busy.getOrDefault(official, new long[0]),
          earliest.getEpochSecond(), slot, slots, ignore == Ignore.BUSY_AND_HOLIDAYS, result);
    }
    if (officials.size() > 1) {
      result.sort(Comparator.comparing(FreeSlot::start).thenComparing(s -> s.official().value()));
    }
    return result;
  }

  /**
   * Why a meeting of {@code slots} slots at {@code start} is not in the official's diary (held
   * slots aside: the store guards those), or empty if it is.
   */
  Optional<Reason> whyNot(Office office, OfficialId official, Instant start, int slots,
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
    if (fits(office, official, start, slots, Ignore.BUSY)) {
      return Optional.empty();
    }
    if (fits(office, official, start, slots, Ignore.BUSY_AND_HOLIDAYS)) {
      return Optional.of(Reason.HOLIDAY);
    }
    if (fits(office, official, start, slots, Ignore.BUSY_AND_ABSENCES)) {
      return Optional.of(Reason.ABSENT);
    }
    return Optional.of(Reason.OUTSIDE_DIARY);
  }

  /** Whether the diary (windows, holidays, absences, as {@code ignore} says) has this meeting's time. */
  boolean fits(Office office, OfficialId official, Instant start, int slots, Ignore ignore) {
    LocalDate day = LocalDate.ofInstant(start, office.zone());
    return find(office, List.of(official), day, day, start, slots, ignore).stream()
        .anyMatch(s -> s.start().equals(start));
  }

  private static void collect(OfficialId official, List<Window> windows, Days days, long[] absent,
      long[] busy, long earliest, long slot, int slots, boolean ignoreHolidays, List<FreeSlot> out) {
    if (windows.isEmpty()) {
      return;
    }
    List<Window> sorted = new ArrayList<>(windows);
    sorted.sort(BY_START);
    long[] starts = new long[256];
    Place[] places = new Place[256];
    int n = 0;
    long last = Long.MIN_VALUE;
    int a = 0;
    int b = 0;
    for (int d = 0; d < days.count; d++) {
      LocalDate date = days.date(d);
      boolean holiday = !ignoreHolidays && days.holiday[d];
      for (Window w : sorted) {
        if (!w.appliesOn(date) || holiday && !w.onHolidays()) {
          continue;
        }
        long from = ceil(days.epoch(d, w.start()), slot);
        long to = days.epoch(d, w.end());
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
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            places = Arrays.copyOf(places, n * 2);
          }
          starts[n] = t;
          places[n] = w.place();
          n++;
        }
      }
    }
    long span = (slots - 1) * slot;
    for (int i = 0; i + slots - 1 < n; i++) {
      if (starts[i + slots - 1] == starts[i] + span) {
        out.add(new FreeSlot(official, Instant.ofEpochSecond(starts[i]),
            Instant.ofEpochSecond(starts[i] + span + slot), places[i]));
      }
    }
  }

  private static long ceil(long t, long slot) {
    return Math.floorDiv(t + slot - 1, slot) * slot;
  }

  /** Per official, the intervals as sorted, merged [start, end) pairs flattened into one array. */
  private static <T> Map<OfficialId, long[]> merged(Collection<T> items, Function<T, OfficialId> owner,
      java.util.function.ToLongFunction<T> start, java.util.function.ToLongFunction<T> end) {
    Map<OfficialId, List<long[]>> grouped = new HashMap<>();
    for (T item : items) {
      grouped.computeIfAbsent(owner.apply(item), k -> new ArrayList<>())
          .add(new long[] {start.applyAsLong(item), end.applyAsLong(item)});
    }
    Map<OfficialId, long[]> result = new HashMap<>();
    grouped.forEach((official, intervals) -> {
      intervals.sort(Comparator.comparingLong(i -> i[0]));
      long[] flat = new long[intervals.size() * 2];
      int n = 0;
      for (long[] i : intervals) {
        if (n > 0 && i[0] <= flat[n - 1]) {
          flat[n - 1] = Math.max(flat[n - 1], i[1]);
        } else {
          flat[n++] = i[0];
          flat[n++] = i[1];
        }
      }
      result.put(official, Arrays.copyOf(flat, n));
    });
    return result;
  }

  /** The local days of a query, with what is shared by all officials: holidays and midnights. */
  private static final class Days {
    final int count;
    final long start;
    final long end;
    final boolean[] holiday;
    private final LocalDate first;
    private final ZoneId zone;
    private final long[] midnight;
    private final boolean[] transition;

    Days(ZoneId zone, LocalDate from, LocalDate to, HolidayCalendar holidays) {
      this.zone = zone;
      this.first = from;
      this.count = (int) (to.toEpochDay() - from.toEpochDay() + 1);
      this.holiday = new boolean[count];
      this.midnight = new long[count + 1];
      this.transition = new boolean[count];
      ZoneRules rules = zone.getRules();
      for (int d = 0; d <= count; d++) {
        midnight[d] = from.plusDays(d).atStartOfDay(zone).toEpochSecond();
      }
      for (int d = 0; d < count; d++) {
        holiday[d] = holidays.isHoliday(from.plusDays(d));
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(midnight[d]));
        transition[d] = next != null && next.getInstant().getEpochSecond() < midnight[d + 1];
      }
      this.start = midnight[0];
      this.end = midnight[count];
    }

    LocalDate date(int d) {
      return first.plusDays(d);
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
