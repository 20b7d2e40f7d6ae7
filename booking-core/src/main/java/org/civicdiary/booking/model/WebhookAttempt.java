/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One try to hand an event to a receiver.
 *
 * @param status the receiver's HTTP status, or null when there was no answer
 * @param error why it failed (no answer, or a status that is not 2xx), or null
 */
public record WebhookAttempt(Instant at, Integer status, String error, Duration duration) {
  public static final int ERROR_LIMIT = 500;

  public WebhookAttempt {
    Check.present("at", at);
    Check.present("duration", duration);
    if (error != null && error.length() > ERROR_LIMIT) {
      error = error.substring(0, ERROR_LIMIT);
    }
  }
}
