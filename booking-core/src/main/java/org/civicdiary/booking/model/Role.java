/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
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
