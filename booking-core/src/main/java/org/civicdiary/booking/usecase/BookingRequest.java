/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;

/**
 * A request to book a meeting of an agenda with an official at a start time.
 *
 * @param withoutContact an operator's explicit mark that the caller leaves no phone number and no
 *     e-mail (for example, they came in person): nobody can then tell them of a change or an
 *     illness. A PHONE booking without either is refused unless marked; the WEB always has an e-mail.
 */
public record BookingRequest(
    OfficialId official,
    AgendaId agenda,
    Instant start,
    Citizen citizen,
    String topic,
    Channel channel,
    Language language,
    boolean withoutContact) {
  /** A request with a way to reach the citizen (not marked {@code withoutContact}). */
  public BookingRequest(OfficialId official, AgendaId agenda, Instant start, Citizen citizen, String topic,
      Channel channel, Language language) {
    this(official, agenda, start, citizen, topic, channel, language, false);
  }

  public BookingRequest {
    require("official", official);
    require("agenda", agenda);
    require("start", start);
    require("citizen", citizen);
    require("topic", topic);
    require("channel", channel);
    require("language", language);
    if (topic.strip().length() > Reservation.TOPIC_HARD_LIMIT) {
      throw new InvalidInput("topic", "must be at most " + Reservation.TOPIC_HARD_LIMIT + " characters");
    }
    if (channel == Channel.WEB && citizen.email() == null) {
      throw new InvalidInput("email", "is required when booking on the web");
    }
    if (withoutContact && channel == Channel.WEB) {
      throw new InvalidInput("withoutContact", "only staff book without contact, by PHONE");
    }
    // Without a way to reach the caller an illness or a change leaves them coming in vain.
    if (channel == Channel.PHONE && citizen.email() == null && citizen.phone() == null && !withoutContact) {
      throw new InvalidInput("phone", "a phone number or an e-mail is needed to reach the caller,"
          + " unless the booking is marked withoutContact (for example, the caller came in person)");
    }
  }

  private static void require(String field, Object value) {
    if (value == null) {
      throw new InvalidInput(field, "is required");
    }
  }
}
