package org.civicdiary.booking.model;

/** The messages civic-diary sends a citizen. */
public enum MessageKind {
  CONFIRMATION,
  REMINDER,
  CANCELLED_BY_CITIZEN,
  CANCELLED_BY_OFFICE,
  DISPLACED,
  RESCHEDULED
}
