/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Objects;
import java.util.UUID;
import org.civicdiary.booking.error.InvalidInput;

/** Identifies a reservation; random, so it reveals nothing about others. */
public record ReservationId(UUID value) {
  public ReservationId {
    Objects.requireNonNull(value, "value");
  }

  public static ReservationId random() {
    return new ReservationId(UUID.randomUUID());
  }

  public static ReservationId parse(String text) {
    try {
      return new ReservationId(UUID.fromString(Check.present("id", text)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("id", "is not a UUID");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
