/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Place;

/**
 * The schema.org {@code EventReservation} a mail program reads from the HTML part of a message
 * (Gmail shows it as a card): built as a Jackson tree, and written so that it is safe inside
 * {@code <script type="application/ld+json">}: {@code <}, {@code >} and {@code &} (and the line
 * separators JavaScript once did not allow) are written as {@code \}{@code uNNNN} escapes, so a topic
 * or a name holding {@code </script>} cannot end the script element.
 *
 * <p>Besides schema.org's own {@code reservationId} it carries {@code reservationNumber} and
 * {@code modifyReservationUrl}, the two names of Google's e-mail markup (an extension of schema.org)
 * that Gmail needs for a reservation card; the vocabulary test allows exactly these two.
 */
final class ReservationMarkup {
  private static final String SCHEMA = "https://schema.org/";
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setCharacterEscapes(new ScriptSafe());
  }

  /**
   * The facts of one message.
   *
   * @param agenda the event's name
   * @param topic the citizen's own words, or null
   */
  record Facts(MessageKind kind, String code, String agenda, String topic, Instant start, Instant end, ZoneId zone,
      Place place, String room, String citizenName, String manageLink) {}

  private ReservationMarkup() {}

  static String of(Facts facts) {
    ObjectNode root = JSON.createObjectNode();
    root.put("@context", "https://schema.org");
    root.put("@type", "EventReservation");
    root.put("reservationId", facts.code());
    root.put("reservationNumber", facts.code());
    root.put("reservationStatus", SCHEMA + status(facts.kind()));
    ObjectNode event = root.putObject("reservationFor");
    event.put("@type", "Event");
    event.put("name", facts.agenda());
    if (facts.topic() != null && !facts.topic().isBlank()) {
      event.put("description", facts.topic());
    }
    event.put("startDate", local(facts.start(), facts.zone()));
    event.put("endDate", local(facts.end(), facts.zone()));
    ObjectNode location = event.putObject("location");
    location.put("@type", "Place");
    location.put("name", facts.room() == null ? facts.place().name() : facts.place().name() + ", " + facts.room());
    ObjectNode address = location.putObject("address");
    address.put("@type", "PostalAddress");
    address.put("streetAddress", facts.place().address());
    ObjectNode person = root.putObject("underName");
    person.put("@type", "Person");
    person.put("name", facts.citizenName());
    root.put("modifyReservationUrl", facts.manageLink());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always writes", e);
    }
  }

  /** schema.org's ReservationStatusType member for what the message says. */
  static String status(MessageKind kind) {
    return switch (kind) {
      case CONFIRMATION, REMINDER, RESCHEDULED, RESTORED -> "ReservationConfirmed";
      case CANCELLED_BY_CITIZEN, CANCELLED_BY_OFFICE -> "ReservationCancelled";
      // Its time is gone and the operators are arranging another: not confirmed, not cancelled.
      case DISPLACED -> "ReservationPending";
      // a waiting-list offer: the time is held for the citizen until they take it
      case WAITING_LIST_OFFER -> "ReservationHold";
      case WAITING_LIST_CONFIRMATION -> throw new IllegalArgumentException("a waiting-list entry is no reservation");
    };
  }

  /** The office's local date and time with its offset at that instant: {@code 2027-03-02T10:00:00+01:00}. */
  private static String local(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
  }

  private static final class ScriptSafe extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptSafe() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
