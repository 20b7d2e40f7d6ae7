package org.civicdiary.booking.error;

/** Someone else changed the same record meanwhile; reload and try again. */
public final class ConcurrentChange extends BookingException {
  public ConcurrentChange(String kind, String id) {
    super(kind + " " + id + " was changed meanwhile");
  }
}
