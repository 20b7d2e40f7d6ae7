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
  ADMIN,
  /**
   * The reception ("recepce"): sees today's list of booked citizens, checks them in, and nothing
   * else (no booking, no directory, no diaries).
   */
  RECEPTION;

  /** Operators and administrators: they work with every official's diary. */
  public boolean worksEveryDiary() {
    return this == OPERATOR || this == ADMIN;
  }
}
