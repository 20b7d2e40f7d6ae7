/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Where a reservation stands. */
public enum Status {
  /** Booked; holds its slots. */
  ACTIVE,
  /** An official's change removed its time; waits on the worklist; holds no slots. */
  DISPLACED,
  CANCELLED,
  COMPLETED,
  NO_SHOW,
  /**
   * A freed time kept for the waiting-list entry it is offered to: holds its slots like a booking,
   * so nobody else can book them, but is not the citizen's booking until they take it (then ACTIVE).
   */
  HELD,
  /** A hold that ended without being taken (declined or lapsed); holds nothing. */
  RELEASED;

  /** Whether it still needs the citizen or the operators (counts against per-citizen limits). */
  public boolean isOpen() {
    return this == ACTIVE || this == DISPLACED;
  }

  /** Whether its slots are held in the official's diary. */
  public boolean holdsSlots() {
    return this == ACTIVE || this == HELD;
  }

  /** Whether it is a waiting-list hold that was never booked: left out of statistics. */
  public boolean isHold() {
    return this == HELD || this == RELEASED;
  }
}
