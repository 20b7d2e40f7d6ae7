/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Objects;
import java.util.UUID;
import org.civicdiary.booking.error.InvalidInput;

/** Identifies a waiting-list entry; random, so it reveals nothing about others. */
public record WaitingListEntryId(UUID value) {
  public WaitingListEntryId {
    Objects.requireNonNull(value, "value");
  }

  public static WaitingListEntryId random() {
    return new WaitingListEntryId(UUID.randomUUID());
  }

  public static WaitingListEntryId parse(String text) {
    try {
      return new WaitingListEntryId(UUID.fromString(Check.present("id", text)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("id", "is not a UUID");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
