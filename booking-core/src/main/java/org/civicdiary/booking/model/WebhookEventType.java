/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Arrays;
import org.civicdiary.booking.error.InvalidInput;
import java.util.stream.Collectors;

/** What happened to a reservation, as an integrator's webhook endpoint subscribes to it. */
public enum WebhookEventType {
  CREATED("reservation.created"),
  MOVED("reservation.moved"),
  CANCELLED("reservation.cancelled"),
  DISPLACED("reservation.displaced"),
  COMPLETED("reservation.completed"),
  NO_SHOW("reservation.no_show");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in payloads and in the API, e.g. {@code reservation.no_show}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The type a wire name stands for.
   *
   * @throws InvalidInput naming the field when it is not one of the six
   */
  public static WebhookEventType parse(String field, String name) {
    Check.present(field, name);
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name.strip())).findFirst()
        .orElseThrow(() -> new InvalidInput(field, "must be one of " + Arrays.stream(values())
            .map(WebhookEventType::wireName).collect(Collectors.joining(", "))));
  }

  /** The event a reservation's new status means, when it ends or leaves its time. */
  public static WebhookEventType endedAs(Status status) {
    return switch (status) {
      case CANCELLED -> CANCELLED;
      case COMPLETED -> COMPLETED;
      case NO_SHOW -> NO_SHOW;
      case DISPLACED -> DISPLACED;
      case ACTIVE, HELD, RELEASED ->
          throw new IllegalArgumentException(status + " is no end integrators hear of: a hold is not a reservation yet");
    };
  }
}
