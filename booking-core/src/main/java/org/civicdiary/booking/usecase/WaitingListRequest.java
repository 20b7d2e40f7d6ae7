/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.LocalDate;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;

/**
 * A request to watch for a free time of an agenda, with one official or (official null) any
 * official of the agenda's department, on the office's days [firstDay, lastDay].
 */
public record WaitingListRequest(
    OfficialId official,
    AgendaId agenda,
    LocalDate firstDay,
    LocalDate lastDay,
    Citizen citizen,
    String topic,
    Channel channel,
    Language language) {
  public WaitingListRequest {
    require("agenda", agenda);
    require("firstDay", firstDay);
    require("lastDay", lastDay);
    require("citizen", citizen);
    require("topic", topic);
    require("channel", channel);
    require("language", language);
    if (lastDay.isBefore(firstDay)) {
      throw new InvalidInput("lastDay", "must not be before firstDay");
    }
    if (topic.strip().length() > Reservation.TOPIC_HARD_LIMIT) {
      throw new InvalidInput("topic", "must be at most " + Reservation.TOPIC_HARD_LIMIT + " characters");
    }
    if (channel == Channel.WEB && citizen.email() == null) {
      throw new InvalidInput("email", "is required on the web: the offer comes by e-mail");
    }
  }

  private static void require(String field, Object value) {
    if (value == null) {
      throw new InvalidInput(field, "is required");
    }
  }
}
