package org.civicdiary.booking.model;

/** What a staff member may do. */
public enum Role {
  /** Call-centre: books by phone, works the worklist, moves and cancels reservations. */
  OPERATOR,
  /** Sees and manages their own diary only. */
  OFFICIAL,
  /** Everything, including the office's configuration. */
  ADMIN
}
