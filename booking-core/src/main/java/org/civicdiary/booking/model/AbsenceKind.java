package org.civicdiary.booking.model;

/** Why time is removed from a diary. */
public enum AbsenceKind {
  HOLIDAY,
  ILLNESS,
  TRAINING,
  BLOCK
}
