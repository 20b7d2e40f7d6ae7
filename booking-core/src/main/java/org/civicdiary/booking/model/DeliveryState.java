package org.civicdiary.booking.model;

/** Where an outbox message stands. */
public enum DeliveryState {
  /** Waiting for its due time or for a retry. */
  PENDING,
  /** Handed to the mail server (or found obsolete and dropped on purpose). */
  SENT,
  /** Failed too often; waits on the worklist for a person. */
  PARKED
}
