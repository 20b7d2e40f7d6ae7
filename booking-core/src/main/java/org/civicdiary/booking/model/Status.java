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
  NO_SHOW;

  /** Whether it still needs the citizen or the operators (counts against per-citizen limits). */
  public boolean isOpen() {
    return this == ACTIVE || this == DISPLACED;
  }

  /** Whether its slots are held in the official's diary. */
  public boolean holdsSlots() {
    return this == ACTIVE;
  }
}
