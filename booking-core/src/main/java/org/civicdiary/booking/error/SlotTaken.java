/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

import java.time.Instant;

/** Another active reservation already holds (a part of) the requested time of this official. */
public final class SlotTaken extends BookingException {
  private final String official;
  private final Instant start;

  public SlotTaken(String official, Instant start) {
    super("slot of official " + official + " at " + start + " is already taken");
    this.official = official;
    this.start = start;
  }

  public String official() {
    return official;
  }

  public Instant start() {
    return start;
  }
}
