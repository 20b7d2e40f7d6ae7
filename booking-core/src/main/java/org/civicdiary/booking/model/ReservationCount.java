/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/**
 * How many reservations of one department, with one channel and status, start in one period of a
 * count (see {@link org.civicdiary.booking.port.Reservations#count}).
 *
 * @param period the index of the period among those counted, from 0
 */
public record ReservationCount(DepartmentId department, int period, Channel channel, Status status, long count) {
  public ReservationCount {
    Check.present("department", department);
    Check.present("channel", channel);
    Check.present("status", status);
    if (period < 0 || count < 0) {
      throw new IllegalArgumentException("period and count are never negative");
    }
  }
}
