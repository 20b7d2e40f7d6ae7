/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Waited;

/**
 * Check-ins: at most one a reservation, kept by the store itself under any concurrency. Every
 * method may throw {@link org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface CheckIns {
  /**
   * Records the arrival, unless the reservation has a check-in already.
   *
   * @return false if it had one: nothing is changed then, and two units of work adding at once
   *     get true once
   * @throws org.civicdiary.booking.error.NotFound if there is no such reservation
   */
  boolean add(CheckIn checkIn);

  /**
   * Replaces the reservation's check-in (its meeting started or ended).
   *
   * @throws org.civicdiary.booking.error.NotFound if the reservation has none
   */
  void update(CheckIn checkIn);

  Optional<CheckIn> find(ReservationId reservation);

  /** The check-ins these reservations have, in no particular order. */
  List<CheckIn> of(Collection<ReservationId> reservations);

  /**
   * The waits of meetings that began, of reservations of these departments whose booked start
   * lies in [from, to), by booked start.
   */
  List<Waited> waited(Collection<DepartmentId> departments, Instant from, Instant to);

  /**
   * Forgets who checked in citizens who arrived before the cutoff: the times stay for statistics.
   *
   * @return how many check-ins lost their name
   */
  int forgetCheckedInBefore(Instant cutoff);
}
