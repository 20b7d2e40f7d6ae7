/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.util.Optional;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.WebhookEvent;

/**
 * The JSON body of a delivery, in the Standard Webhooks shape {@code {type, timestamp, data}}.
 * Written by hand: the module has no JSON library, and the shape is small and fixed.
 */
final class WebhookPayload {
  private final StringBuilder json = new StringBuilder(512);

  private WebhookPayload() {}

  /**
   * The event's body; with the citizen's name, contact and topic when {@code personal} holds the
   * reservation (only for an endpoint entitled to them, and only until it is anonymised).
   */
  static String of(WebhookEvent e, Optional<Reservation> personal) {
    WebhookPayload p = new WebhookPayload();
    p.json.append('{');
    p.field("type", e.type().wireName()).comma().field("timestamp", e.occurredAt().toString()).comma();
    p.json.append("\"data\":{");
    p.field("id", e.reservation().toString()).comma()
        .field("department", e.department().value()).comma()
        .field("official", e.official().value()).comma()
        .field("agenda", e.agenda().value()).comma()
        .field("start", e.start().toString()).comma()
        .field("end", e.end().toString()).comma()
        .field("localStart", e.localStart().toString()).comma()
        .field("localEnd", e.localEnd().toString()).comma()
        .field("timeZone", e.zone().getId()).comma()
        .field("status", e.status().name()).comma()
        .field("channel", e.channel().name());
    personal.ifPresent(r -> {
      p.comma().json.append("\"citizen\":{");
      p.field("name", r.citizen().name()).comma().field("email", r.citizen().email()).comma()
          .field("phone", r.citizen().phone());
      p.json.append('}');
      p.comma().field("topic", r.topic());
    });
    p.json.append("}}");
    return p.json.toString();
  }

  private WebhookPayload comma() {
    json.append(',');
    return this;
  }

  private WebhookPayload field(String name, String value) {
    string(name);
    json.append(':');
    if (value == null) {
      json.append("null");
    } else {
      string(value);
    }
    return this;
  }

  private void string(String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          // Control characters, and the two line separators some JavaScript parsers choke on.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
