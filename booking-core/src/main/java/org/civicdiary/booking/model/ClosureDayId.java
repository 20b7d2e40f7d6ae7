/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Objects;
import java.util.UUID;
import org.civicdiary.booking.error.InvalidInput;

/** Identifies a closure day; random, so it reveals nothing about others. */
public record ClosureDayId(UUID value) {
  public ClosureDayId {
    Objects.requireNonNull(value, "value");
  }

  public static ClosureDayId random() {
    return new ClosureDayId(UUID.randomUUID());
  }

  public static ClosureDayId parse(String text) {
    try {
      return new ClosureDayId(UUID.fromString(Check.present("id", text)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("id", "is not a UUID");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
