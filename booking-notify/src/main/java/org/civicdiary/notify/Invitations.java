/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar objects (RFC 5545/5546) for a reservation: one UID per reservation, so that the
 * citizen's calendar updates or removes the same entry; SEQUENCE is the reservation's sequence,
 * which every change the citizen is told about raises.
 */
final class Invitations {
  static final String REQUEST = "REQUEST";
  static final String CANCEL = "CANCEL";
  private static final String PRODUCT = "-//civic-diary//booking-notify//EN";
  private static final String BEGIN_EVENT = "BEGIN:VEVENT\r\n";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
  private final Map<ZoneId, Optional<String>> vtimezones = new ConcurrentHashMap<>();

  /** What the calendar entry says. */
  record Meeting(
      String uid,
      int sequence,
      Instant start,
      Instant end,
      ZoneId zone,
      String summary,
      String location,
      String description,
      String organizerName,
      String organizerEmail,
      String attendeeName,
      String attendeeEmail) {}

  static String uid(String reservationId, String domain) {
    return "reservation-" + reservationId + "@" + domain;
  }

  Invitation request(Meeting meeting, Instant now) {
    return new Invitation(REQUEST, write(meeting, now, false));
  }

  Invitation cancel(Meeting meeting, Instant now) {
    return new Invitation(CANCEL, write(meeting, now, true));
  }

  private String write(Meeting m, Instant now, boolean cancel) {
    Optional<String> zone = vtimezone(m.zone());
    VEvent event = new VEvent(false);
    event.add(new DtStamp(now));
    if (zone.isEmpty()) {
      event.add(new DtStart<>(m.start()));
      event.add(new DtEnd<>(m.end()));
    }
    event.add(new Summary(clean(m.summary())));
    event.add(new Uid(m.uid()));
    event.add(new Sequence(m.sequence()));
    event.add(new Location(clean(m.location())));
    event.add(new Description(m.description()));
    event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    event.add(new Organizer(URI.create("mailto:" + m.organizerEmail())).add(new Cn(name(m.organizerName()))));
    // The booking is final: the citizen chose the time, so nothing asks them to accept it again.
    event.add(new Attendee(URI.create("mailto:" + m.attendeeEmail()))
        .add(new Cn(name(m.attendeeName())))
        .add(Role.REQ_PARTICIPANT)
        .add(PartStat.ACCEPTED)
        .add(Rsvp.FALSE));

    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(event);
    String text = output(calendar);
    if (zone.isEmpty()) {
      return folded(text);
    }
    // Local times with the zone's TZID, written here: ical4j would look the zone up among all the
    // JDK's zones again for every property it writes, which costs more than the rest of the message.
    int at = text.indexOf(BEGIN_EVENT);
    return folded(text.substring(0, at) + zone.get() + BEGIN_EVENT
        + local("DTSTART", m.start(), m.zone()) + local("DTEND", m.end(), m.zone())
        + text.substring(at + BEGIN_EVENT.length()));
  }

  private static String local(String property, Instant instant, ZoneId zone) {
    return property + ";TZID=" + zone.getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(instant, zone)) + "\r\n";
  }

  /**
   * The zone's VTIMEZONE as unfolded text, or empty when ical4j does not know the zone (the times are
   * then in UTC). Kept per zone: writing a zone's whole history for every message would cost more
   * than the rest of the message.
   */
  private Optional<String> vtimezone(ZoneId id) {
    return vtimezones.computeIfAbsent(id, zone -> {
      TimeZone found;
      try {
        found = zones.getTimeZone(zone.getId());
      } catch (RuntimeException e) {
        found = null;
      }
      if (found == null) {
        return Optional.empty();
      }
      return Optional.of(found.getVTimeZone().toString());
    });
  }

  private static String output(Calendar calendar) {
    StringWriter out = new StringWriter();
    try {
      // unfolded here and folded by octets at the end: ical4j folds by characters, too long in Czech
      new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("invalid calendar", e);
    }
    return out.toString();
  }

  /**
   * Every content line cut at 75 octets of UTF-8 (RFC 5545, 3.1), never inside a character; a
   * continuation starts with a space.
   */
  static String folded(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 40);
    for (String line : text.split("\r\n")) {
      int width = 0;
      int i = 0;
      while (i < line.length()) {
        int cp = line.codePointAt(i);
        int octets = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (width + octets > 75) {
          out.append("\r\n ");
          width = 1;
        }
        out.appendCodePoint(cp);
        width += octets;
        i += Character.charCount(cp);
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static String clean(String value) {
    return SafeText.oneLine(value);
  }

  /** A parameter value cannot hold a double quote; control characters have no place in a name. */
  private static String name(String value) {
    return clean(value).replace('"', '\'');
  }
}
