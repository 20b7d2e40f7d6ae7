/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A citizen's booked time with an official, [start, end). Changes make a new value with the
 * {@code version} one higher, so that storage can refuse a change made from a stale copy; every
 * change the citizen is told about also raises {@code sequence} (the iCalendar SEQUENCE).
 *
 * @param code the short code the citizen quotes; unique among open reservations
 * @param note the staff's note on the last change, or null
 */
public record Reservation(
    ReservationId id,
    BookingCode code,
    DepartmentId department,
    OfficialId official,
    AgendaId agenda,
    Instant start,
    Instant end,
    Citizen citizen,
    String topic,
    Channel channel,
    Language language,
    Status status,
    Instant createdAt,
    Instant updatedAt,
    int version,
    int sequence,
    String note) {

  /** The longest topic any policy may allow. */
  public static final int TOPIC_HARD_LIMIT = 2000;

  public Reservation {
    Check.present("id", id);
    Check.present("code", code);
    Check.present("department", department);
    Check.present("official", official);
    Check.present("agenda", agenda);
    Check.present("start", start);
    Check.present("end", end);
    if (!start.isBefore(end)) {
      throw new InvalidInput("end", "must be after start");
    }
    Check.present("citizen", citizen);
    topic = Check.text("topic", topic, TOPIC_HARD_LIMIT);
    Check.present("channel", channel);
    Check.present("language", language);
    Check.present("status", status);
    Check.present("createdAt", createdAt);
    Check.present("updatedAt", updatedAt);
    note = note == null || note.isBlank() ? null : Check.text("note", note, 1000);
  }

  /** The starts of the slots this reservation occupies. */
  public List<Instant> slotStarts(Duration slotLength) {
    List<Instant> starts = new ArrayList<>();
    for (Instant s = start; s.isBefore(end); s = s.plus(slotLength)) {
      starts.add(s);
    }
    return starts;
  }

  public boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && from.isBefore(end);
  }

  public Reservation withStatus(Status newStatus, String newNote, Instant now) {
    return new Reservation(id, code, department, official, agenda, start, end, citizen, topic, channel,
        language, newStatus, createdAt, now, version + 1,
        sequence + 1, newNote);
  }

  /** Moved to another time (and possibly another official); active again if it was displaced. */
  public Reservation movedTo(OfficialId newOfficial, Instant newStart, Instant newEnd, String newNote, Instant now) {
    return new Reservation(id, code, department, newOfficial, agenda, newStart, newEnd, citizen, topic,
        channel, language, Status.ACTIVE, createdAt, now, version + 1,
        sequence + 1, newNote);
  }

  /** The same reservation with no personal data left; times, agenda and channel stay for statistics. */
  public Reservation anonymised(Instant now) {
    return new Reservation(id, code, department, official, agenda, start, end, Citizen.anonymised(), "",
        channel, language, status, createdAt, now, version + 1, sequence, null);
  }
}
