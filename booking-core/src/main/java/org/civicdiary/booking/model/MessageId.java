/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Objects;
import java.util.UUID;
import org.civicdiary.booking.error.InvalidInput;

/** Identifies an outbox message; random, so it reveals nothing about others. */
public record MessageId(UUID value) {
  public MessageId {
    Objects.requireNonNull(value, "value");
  }

  public static MessageId random() {
    return new MessageId(UUID.randomUUID());
  }

  public static MessageId parse(String text) {
    try {
      return new MessageId(UUID.fromString(Check.present("id", text)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("id", "is not a UUID");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
