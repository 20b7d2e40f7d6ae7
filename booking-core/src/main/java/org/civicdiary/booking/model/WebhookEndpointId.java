/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Objects;
import java.util.UUID;
import org.civicdiary.booking.error.InvalidInput;

/** Identifies a webhook endpoint. */
public record WebhookEndpointId(UUID value) {
  public WebhookEndpointId {
    Objects.requireNonNull(value, "value");
  }

  public static WebhookEndpointId random() {
    return new WebhookEndpointId(UUID.randomUUID());
  }

  /** @throws InvalidInput (field {@code id}) unless it is a UUID */
  public static WebhookEndpointId parse(String text) {
    try {
      return new WebhookEndpointId(UUID.fromString(Check.present("id", text)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("id", "is not a UUID");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
