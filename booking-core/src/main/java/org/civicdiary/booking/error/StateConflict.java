/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/** The action does not fit the record's present state (e.g. cancelling a cancelled reservation). */
public final class StateConflict extends BookingException {
  public StateConflict(String detail) {
    super(detail);
  }
}
