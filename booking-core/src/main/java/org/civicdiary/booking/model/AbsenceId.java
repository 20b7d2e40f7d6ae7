/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Objects;
import java.util.UUID;
import org.civicdiary.booking.error.InvalidInput;

/** Identifies an absence; random, so it reveals nothing about others. */
public record AbsenceId(UUID value) {
  public AbsenceId {
    Objects.requireNonNull(value, "value");
  }

  public static AbsenceId random() {
    return new AbsenceId(UUID.randomUUID());
  }

  public static AbsenceId parse(String text) {
    try {
      return new AbsenceId(UUID.fromString(Check.present("id", text)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("id", "is not a UUID");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
