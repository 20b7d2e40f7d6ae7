/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.usecase.SharingCalendars.CalendarFeed;

/**
 * An official's feed as iCalendar: one event a reservation, times in UTC (calendar programs show
 * them in their own zone), lines folded at 75 octets and ended by CRLF (ical4j writes them so). A
 * cancelled or displaced reservation stays in the feed as {@code STATUS:CANCELLED}, so that a
 * program that already shows it takes it off at the next refresh rather than keeping a stale copy.
 */
final class FeedCalendar {
  private static final String PRODUCT = "-//civic-diary//official feed//EN";

  private FeedCalendar() {}

  /** The citizen's name is in the summary only where the official's office allows it in its policy. */
  static String render(CalendarFeed feed, int topicLength, String domain) {
    boolean names = feed.office().policy().feedShowsCitizenNames();
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", "Diář – " + feed.official().name()));
    for (Reservation r : feed.reservations()) {
      Agenda agenda = feed.agendas().get(r.agenda());
      String what = agenda == null ? r.agenda().value() : agenda.name().in(Language.CS);
      String summary = names ? what + " – " + r.citizen().name() : what;
      VEvent event = new VEvent(false);
      event.add(new DtStamp(feed.at()));
      event.add(new DtStart<>(r.start()));
      event.add(new DtEnd<>(r.end()));
      event.add(new Uid("reservation-" + r.id() + "@" + domain));
      event.add(new Sequence(r.sequence()));
      event.add(new Summary(summary));
      String topic = shortened(r.topic(), topicLength);
      event.add(new Description((topic.isEmpty() ? "" : topic + "\n") + "Kód rezervace: " + r.code().value()));
      event.add(switch (r.status()) {
        case ACTIVE, COMPLETED, NO_SHOW -> ImmutableStatus.VEVENT_CONFIRMED;
        // a displaced reservation's time is gone from the official's day as much as a cancelled one's
        case DISPLACED, CANCELLED, RELEASED -> ImmutableStatus.VEVENT_CANCELLED;
        // held for a citizen on the waiting list until they take it or the hold ends
        case HELD -> ImmutableStatus.VEVENT_TENTATIVE;
      });
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      // unfolded here, folded below by octets: ical4j folds by characters, too long in Czech
      new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("the feed is not valid iCalendar", e);
    }
    return folded(out.toString());
  }

  /**
   * Folds every content line at 75 octets of UTF-8 (RFC 5545, 3.1): a continuation line starts with
   * a space; a character is never split.
   */
  static String folded(String unfolded) {
    StringBuilder result = new StringBuilder(unfolded.length() + unfolded.length() / 50);
    for (String line : unfolded.split("\r\n")) {
      int octets = 0;
      for (int i = 0; i < line.length(); ) {
        int cp = line.codePointAt(i);
        int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (octets + size > 75) {
          result.append("\r\n ");
          octets = 1;
        }
        result.appendCodePoint(cp);
        octets += size;
        i += Character.charCount(cp);
      }
      result.append("\r\n");
    }
    return result.toString();
  }

  /**
   * The topic on one line, cut to at most {@code max} characters with "…" at the end when it was
   * longer; never cut inside a surrogate pair.
   */
  static String shortened(String topic, int max) {
    String line = topic.strip().replaceAll("\\s+", " ");
    if (line.codePointCount(0, line.length()) <= max) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
  }
}
