package org.civicdiary.booking.error;

/** The action does not fit the record's present state (e.g. cancelling a cancelled reservation). */
public final class StateConflict extends BookingException {
  public StateConflict(String detail) {
    super(detail);
  }
}
