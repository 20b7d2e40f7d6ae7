/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.civicdiary.booking.model.BusyFeed.Failure;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.OfficialId;

/**
 * Reads an iCalendar document into busy intervals: recurrences expanded within a range (their
 * exceptions and moved occurrences included), time zones as the document defines them, all-day
 * and floating times in the office's zone. Free (transparent), cancelled and Outlook "free"
 * events block nothing. Titles, places, attendees are read by the parser and dropped here: only
 * the intervals leave this class.
 */
final class BusyCalendar {
  private BusyCalendar() {}

  /**
   * How the parser builds a document: ical4j's factories made once (its default context makes
   * every factory anew for each property it reads), and the words of an event (title, place,
   * people) never built, as they are never kept.
   */
  private static final ContentHandlerContext PARSING = parsing();

  private static ContentHandlerContext parsing() {
    List<ParameterFactory<?>> parameters = List.copyOf(new DefaultParameterFactorySupplier().get());
    List<PropertyFactory<?>> properties = List.copyOf(new DefaultPropertyFactorySupplier().get());
    List<ComponentFactory<?>> components = List.copyOf(new DefaultComponentFactorySupplier().get());
    return new ContentHandlerContext()
        .withParameterFactorySupplier(() -> parameters)
        .withPropertyFactorySupplier(() -> properties)
        .withComponentFactorySupplier(() -> components)
        .withIgnoredPropertyNames(List.of("SUMMARY", "DESCRIPTION", "LOCATION", "ATTENDEE", "ORGANIZER",
            "COMMENT", "CONTACT", "ATTACH", "CATEGORIES", "URL", "X-ALT-DESC"));
  }

  /** A document that gives no busy time; the failure says why. */
  static final class Rejected extends Exception {
    private final Failure failure;

    Rejected(Failure failure, String detail) {
      super(detail, null, false, false);
      this.failure = failure;
    }

    Failure failure() {
      return failure;
    }
  }

  /**
   * The official's busy intervals overlapping [from, to), sorted by start, overlapping ones joined.
   *
   * @param zone for all-day and floating times
   * @param maxEvents at most this many events (a recurring one counts once, its moved occurrences each)
   * @throws Rejected as {@link Failure#INVALID} or {@link Failure#TOO_MANY_EVENTS}
   */
  static List<BusyTime> busy(OfficialId official, InputStream ics, ZoneId zone, Instant from, Instant to,
      int maxEvents) throws Rejected {
    Calendar calendar;
    try {
      calendar = new CalendarBuilder(CalendarParserFactory.getInstance().get(), PARSING, new DocumentZones())
          .build(ics);
    } catch (IOException | ParserException | RuntimeException e) {
      throw new Rejected(Failure.INVALID, "not a readable iCalendar document");
    }
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    if (events.size() > maxEvents) {
      throw new Rejected(Failure.TOO_MANY_EVENTS, events.size() + " events, at most " + maxEvents);
    }
    // Occurrences moved or changed by their own VEVENT (RECURRENCE-ID): the series leaves them out.
    Map<String, Set<Instant>> moved = new HashMap<>();
    for (VEvent e : events) {
      Optional<DateProperty<Temporal>> recurrenceId = e.getProperty(Property.RECURRENCE_ID);
      Optional<Property> uid = e.getProperty(Property.UID);
      if (recurrenceId.isPresent() && uid.isPresent() && recurrenceId.get().getDate() != null) {
        moved.computeIfAbsent(uid.get().getValue(), k -> new HashSet<>()).add(instant(recurrenceId.get().getDate(), zone));
      }
    }
    Period<ZonedDateTime> range = new Period<>(from.atZone(zone), to.atZone(zone));
    List<long[]> intervals = new ArrayList<>();
    try {
      for (VEvent e : events) {
        if (!blocks(e)) {
          continue;
        }
        boolean master = e.getProperty(Property.RECURRENCE_ID).isEmpty();
        Set<Instant> skip = master ? moved.getOrDefault(value(e, Property.UID), Set.of()) : Set.of();
        Instant[] single = single(e, zone);
        if (single != null) {
          add(intervals, single[0], single[1], skip, from, to);
          continue;
        }
        for (Period<Temporal> p : e.<Temporal>calculateRecurrenceSet(range)) {
          add(intervals, instant(p.getStart(), zone), instant(p.getEnd(), zone), skip, from, to);
        }
      }
    } catch (RuntimeException e) {
      throw new Rejected(Failure.INVALID, "an event's dates or recurrence cannot be read");
    }
    intervals.sort(Comparator.comparingLong(a -> a[0]));
    List<BusyTime> busy = new ArrayList<>();
    long[] current = null;
    for (long[] i : intervals) {
      if (current != null && i[0] <= current[1]) {
        current[1] = Math.max(current[1], i[1]);
      } else {
        if (current != null) {
          busy.add(new BusyTime(official, Instant.ofEpochSecond(current[0]), Instant.ofEpochSecond(current[1])));
        }
        current = i;
      }
    }
    if (current != null) {
      busy.add(new BusyTime(official, Instant.ofEpochSecond(current[0]), Instant.ofEpochSecond(current[1])));
    }
    return busy;
  }

  private static void add(List<long[]> intervals, Instant start, Instant end, Set<Instant> skip, Instant from,
      Instant to) {
    if (!skip.contains(start) && end.isAfter(start) && start.isBefore(to) && end.isAfter(from)) {
      intervals.add(new long[] {start.getEpochSecond(), end.getEpochSecond()});
    }
  }

  /**
   * The period of an event that does not recur, read directly: ical4j's recurrence set costs
   * about twenty times the parse even for a single event, and most events are single. Null for a
   * recurring event, or times this cannot read (ical4j's general path then decides).
   */
  private static Instant[] single(VEvent e, ZoneId zone) {
    if (e.getProperty(Property.RRULE).isPresent() || e.getProperty(Property.RDATE).isPresent()) {
      return null;
    }
    Optional<DateProperty<Temporal>> start = e.getProperty(Property.DTSTART);
    if (start.isEmpty() || start.get().getDate() == null) {
      return null;
    }
    try {
      Temporal begins = start.get().getDate();
      Optional<DateProperty<Temporal>> end = e.getProperty(Property.DTEND);
      Optional<net.fortuna.ical4j.model.property.Duration> duration = e.getProperty(Property.DURATION);
      Temporal ends;
      if (end.isPresent() && end.get().getDate() != null) {
        ends = end.get().getDate();
      } else if (duration.isPresent()) {
        ends = begins.plus(duration.get().getDuration());
      } else {
        // RFC 5545: a date alone lasts the day; a date-time alone, no time at all.
        ends = begins instanceof LocalDate date ? date.plusDays(1) : begins;
      }
      return new Instant[] {instant(begins, zone), instant(ends, zone)};
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** Whether the event makes its time busy (RFC 5545 TRANSP and STATUS, and Outlook's own busy status). */
  private static boolean blocks(VEvent e) {
    return !value(e, Property.TRANSP).equalsIgnoreCase("TRANSPARENT")
        && !value(e, Property.STATUS).equalsIgnoreCase("CANCELLED")
        && !value(e, "X-MICROSOFT-CDO-BUSYSTATUS").equalsIgnoreCase("FREE");
  }

  private static String value(Component c, String name) {
    return c.getProperty(name).map(Property::getValue).map(String::strip).orElse("");
  }

  /** The instant of an iCalendar date or time; a date is its midnight, floating time the office's. */
  private static Instant instant(Temporal t, ZoneId zone) {
    if (t instanceof Instant i) {
      return i;
    }
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof LocalDateTime l) {
      return l.atZone(zone).toInstant();
    }
    if (t instanceof LocalDate d) {
      return d.atStartOfDay(zone).toInstant();
    }
    throw new IllegalArgumentException("unknown iCalendar time " + t.getClass().getSimpleName());
  }
}
