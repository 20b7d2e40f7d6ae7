/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Waited;
import org.civicdiary.booking.port.CheckIns;
import org.civicdiary.booking.port.Reservations;

/** Check-ins in a map by reservation, under the storage's one lock (which makes {@link #add} race-free). */
final class MemoryCheckIns implements CheckIns {
  private final MemoryTransactions tx;
  private final Reservations reservations;
  private final Map<ReservationId, CheckIn> byReservation = new HashMap<>();

  MemoryCheckIns(MemoryTransactions tx, Reservations reservations) {
    this.tx = tx;
    this.reservations = reservations;
  }

  @Override
  public boolean add(CheckIn checkIn) {
    return tx.locked(() -> {
      if (reservations.find(checkIn.reservation()).isEmpty()) {
        throw new NotFound("reservation", checkIn.reservation().toString());
      }
      if (byReservation.containsKey(checkIn.reservation())) {
        return false;
      }
      tx.put(byReservation, checkIn.reservation(), checkIn);
      return true;
    });
  }

  @Override
  public void update(CheckIn checkIn) {
    tx.locked(() -> {
      if (!byReservation.containsKey(checkIn.reservation())) {
        throw new NotFound("check-in", checkIn.reservation().toString());
      }
      tx.put(byReservation, checkIn.reservation(), checkIn);
    });
  }

  @Override
  public Optional<CheckIn> find(ReservationId reservation) {
    return tx.locked(() -> Optional.ofNullable(byReservation.get(reservation)));
  }

  @Override
  public List<CheckIn> of(Collection<ReservationId> ids) {
    return tx.locked(() -> new LinkedHashSet<>(ids).stream().map(byReservation::get).filter(Objects::nonNull).toList());
  }

  @Override
  public List<Waited> waited(Collection<DepartmentId> departments, Instant from, Instant to) {
    Set<DepartmentId> wanted = Set.copyOf(departments);
    return tx.locked(() -> byReservation.values().stream()
        .filter(c -> c.startedAt() != null)
        .map(c -> {
          Reservation r = reservations.find(c.reservation()).orElseThrow();
          return new Waited(r.department(), r.start(), c.arrivedAt(), c.startedAt());
        })
        .filter(w -> wanted.contains(w.department()) && !w.meetingStart().isBefore(from)
            && w.meetingStart().isBefore(to))
        .sorted(Comparator.comparing(Waited::meetingStart))
        .toList());
  }

  @Override
  public int forgetCheckedInBefore(Instant cutoff) {
    return tx.locked(() -> {
      int forgotten = 0;
      for (CheckIn c : List.copyOf(byReservation.values())) {
        if (c.checkedInBy() != null && c.arrivedAt().isBefore(cutoff)) {
          tx.put(byReservation, c.reservation(), new CheckIn(c.reservation(), c.arrivedAt(), null, c.startedAt(),
              c.endedAt()));
          forgotten++;
        }
      }
      return forgotten;
    });
  }
}
