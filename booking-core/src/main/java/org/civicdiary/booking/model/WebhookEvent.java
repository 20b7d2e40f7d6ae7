/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What happened to a reservation, as it was at that moment: written in the unit of work of the
 * change, so that an event delivered late still says what happened then. No personal data: a
 * payload for an entitled endpoint reads that from the reservation when it is sent.
 *
 * @param id the Standard Webhooks message id ({@code webhook-id}), the same on every retry
 * @param zone the office's time zone, for the local times in the payload
 */
public record WebhookEvent(
    String id,
    WebhookEventType type,
    ReservationId reservation,
    DepartmentId department,
    OfficialId official,
    AgendaId agenda,
    Instant start,
    Instant end,
    ZoneId zone,
    Status status,
    Channel channel,
    Instant occurredAt) {
  public WebhookEvent {
    Check.line("id", id, 64);
    Check.present("type", type);
    Check.present("reservation", reservation);
    Check.present("department", department);
    Check.present("official", official);
    Check.present("agenda", agenda);
    Check.present("start", start);
    Check.present("end", end);
    Check.present("zone", zone);
    Check.present("status", status);
    Check.present("channel", channel);
    Check.present("occurredAt", occurredAt);
  }

  /** The event about the reservation as it is now, with a new random id. */
  public static WebhookEvent about(Reservation r, WebhookEventType type, ZoneId zone, Instant now) {
    return new WebhookEvent("msg_" + UUID.randomUUID().toString().replace("-", ""), type, r.id(), r.department(),
        r.official(), r.agenda(), r.start(), r.end(), zone, r.status(), r.channel(), now);
  }

  public LocalDateTime localStart() {
    return LocalDateTime.ofInstant(start, zone);
  }

  public LocalDateTime localEnd() {
    return LocalDateTime.ofInstant(end, zone);
  }
}
