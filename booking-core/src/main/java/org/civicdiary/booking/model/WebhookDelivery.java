/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Duration;
import java.time.Instant;

/**
 * An event on its way to one endpoint, and afterwards its line in the endpoint's delivery log.
 *
 * @param number orders the deliveries: a later event of a reservation has a higher number
 * @param dueAt when it may be tried next (after a failure, the back-off; while claimed, the lease)
 * @param last the latest attempt, or null before the first
 */
public record WebhookDelivery(
    long number,
    WebhookEndpointId endpoint,
    WebhookEvent event,
    WebhookDeliveryState state,
    int attempts,
    Instant dueAt,
    WebhookAttempt last) {
  public WebhookDelivery {
    Check.present("endpoint", endpoint);
    Check.present("event", event);
    Check.present("state", state);
    Check.present("dueAt", dueAt);
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
  }

  /** Claimed by a worker: one more attempt, and due again after the lease unless recorded. */
  public WebhookDelivery claimed(Instant now, Duration lease) {
    return new WebhookDelivery(number, endpoint, event, state, attempts + 1, now.plus(lease), last);
  }

  public WebhookDelivery delivered(WebhookAttempt attempt) {
    return new WebhookDelivery(number, endpoint, event, WebhookDeliveryState.DELIVERED, attempts, dueAt, attempt);
  }

  public WebhookDelivery retryAt(Instant next, WebhookAttempt attempt) {
    return new WebhookDelivery(number, endpoint, event, WebhookDeliveryState.PENDING, attempts, next, attempt);
  }

  public WebhookDelivery givenUp(WebhookAttempt attempt) {
    return new WebhookDelivery(number, endpoint, event, WebhookDeliveryState.GIVEN_UP, attempts, dueAt, attempt);
  }

  /** Back in line after an administrator asked: due now, with a fresh count of attempts. */
  public WebhookDelivery retried(Instant now) {
    return new WebhookDelivery(number, endpoint, event, WebhookDeliveryState.PENDING, 0, now, last);
  }
}
