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

/** A request to book a meeting of an agenda with an official at a start time. */
public record BookingRequest(
    OfficialId official,
    AgendaId agenda,
    Instant start,
    Citizen citizen,
    String topic,
    Channel channel,
    Language language) {
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
  }

  private static void require(String field, Object value) {
    if (value == null) {
      throw new InvalidInput(field, "is required");
    }
  }
}
