/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import java.time.LocalDate;
import org.civicdiary.booking.error.InvalidInput;

/**
 * A citizen's wish for a time with one official, or with any official of a department, for one
 * agenda, on the days [firstDay, lastDay]. Freed time is offered to active entries first come, first
 * served ({@code createdAt}); an offered time is held by the reservation {@code hold} (status
 * {@link Status#HELD}) until {@code holdUntil}. Changes make a new value with {@code version} one
 * higher, so that storage can refuse a change made from a stale copy.
 *
 * @param official the official wished for, or null for any official of the department
 * @param rangeStart the start of {@code firstDay} in the office's zone
 * @param rangeEnd the end of {@code lastDay} in the office's zone: the entry expires then
 * @param hold the reservation holding the offered time, or null
 * @param holdUntil when the offer lapses, or null
 */
public record WaitingListEntry(
    WaitingListEntryId id,
    DepartmentId department,
    OfficialId official,
    AgendaId agenda,
    LocalDate firstDay,
    LocalDate lastDay,
    Instant rangeStart,
    Instant rangeEnd,
    Citizen citizen,
    String topic,
    Channel channel,
    Language language,
    WaitingListStatus status,
    Instant createdAt,
    Instant updatedAt,
    ReservationId hold,
    Instant holdUntil,
    int version) {

  public WaitingListEntry {
    Check.present("id", id);
    Check.present("department", department);
    Check.present("agenda", agenda);
    Check.present("firstDay", firstDay);
    Check.present("lastDay", lastDay);
    if (lastDay.isBefore(firstDay)) {
      throw new InvalidInput("lastDay", "must not be before firstDay");
    }
    Check.present("rangeStart", rangeStart);
    Check.present("rangeEnd", rangeEnd);
    if (!rangeStart.isBefore(rangeEnd)) {
      throw new InvalidInput("rangeEnd", "must be after rangeStart");
    }
    Check.present("citizen", citizen);
    topic = Check.text("topic", topic, Reservation.TOPIC_HARD_LIMIT);
    Check.present("channel", channel);
    Check.present("language", language);
    Check.present("status", status);
    Check.present("createdAt", createdAt);
    Check.present("updatedAt", updatedAt);
    if ((status == WaitingListStatus.OFFERED) != (hold != null && holdUntil != null)) {
      throw new InvalidInput("hold", "an offered entry, and only that, has a hold and its end");
    }
  }

  /** The next version in another status, holding nothing. */
  public WaitingListEntry withStatus(WaitingListStatus next, Instant now) {
    return new WaitingListEntry(id, department, official, agenda, firstDay, lastDay, rangeStart, rangeEnd,
        citizen, topic, channel, language, next, createdAt, now, null, null, version + 1);
  }

  /** The same entry with no personal data left; days, agenda and status stay. */
  public WaitingListEntry anonymised(Instant now) {
    return new WaitingListEntry(id, department, official, agenda, firstDay, lastDay, rangeStart, rangeEnd,
        Citizen.anonymised(), "", channel, language, status, createdAt, now, hold, holdUntil, version + 1);
  }

  /** The next version, offered the time the reservation {@code heldBy} holds until {@code until}. */
  public WaitingListEntry offered(ReservationId heldBy, Instant until, Instant now) {
    return new WaitingListEntry(id, department, official, agenda, firstDay, lastDay, rangeStart, rangeEnd,
        citizen, topic, channel, language, WaitingListStatus.OFFERED, createdAt, now, heldBy, until, version + 1);
  }
}
