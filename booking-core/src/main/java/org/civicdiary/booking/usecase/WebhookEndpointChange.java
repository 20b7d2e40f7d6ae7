/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEventType;

/**
 * A webhook endpoint to register or change, as the administrator typed it.
 *
 * @param events wire names such as {@code reservation.created}
 * @param description whose system it is, or null
 */
public record WebhookEndpointChange(String url, String description, List<String> events, boolean personalData,
    boolean active) {
  /** More would only be repeats: there are six types. */
  private static final int EVENTS_LIMIT = 20;

  public WebhookEndpointChange {
    WebhookEndpoint.url(url);
    if (events == null || events.isEmpty()) {
      throw new InvalidInput("events", "must name at least one event type");
    }
    if (events.size() > EVENTS_LIMIT) {
      throw new InvalidInput("events", "must name at most " + EVENTS_LIMIT + " event types");
    }
    events = List.copyOf(events.stream().map(e -> WebhookEventType.parse("events", e).wireName()).toList());
    if (description != null && description.length() > WebhookEndpoint.DESCRIPTION_LIMIT) {
      throw new InvalidInput("description", "must be at most " + WebhookEndpoint.DESCRIPTION_LIMIT + " characters");
    }
  }

  URI uri() {
    return WebhookEndpoint.url(url);
  }

  Set<WebhookEventType> types() {
    Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
    events.forEach(e -> types.add(WebhookEventType.parse("events", e)));
    return types;
  }
}
