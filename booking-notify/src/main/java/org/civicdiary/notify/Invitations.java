package org.civicdiary.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import net.fortuna.ical4j.model.property.DtStamp;
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
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

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
    TimeZone zone = zone(m.zone());
    VEvent event = zone == null
        ? new VEvent(m.start(), m.end(), clean(m.summary()))
        : new VEvent(ZonedDateTime.ofInstant(m.start(), m.zone()), ZonedDateTime.ofInstant(m.end(), m.zone()),
            clean(m.summary()));
    event.replace(new DtStamp(now));
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
    if (zone != null) {
      calendar.add(zone.getVTimeZone());
    }
    calendar.add(event);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("invalid calendar for " + m.uid(), e);
    }
    return out.toString();
  }

  /** The zone's VTIMEZONE, or null when ical4j does not know it (the times are then in UTC). */
  private TimeZone zone(ZoneId id) {
    try {
      return zones.getTimeZone(id.getId());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String clean(String value) {
    return Text.oneLine(value);
  }

  /** A parameter value cannot hold a double quote; control characters have no place in a name. */
  private static String name(String value) {
    return clean(value).replace('"', '\'');
  }
}
