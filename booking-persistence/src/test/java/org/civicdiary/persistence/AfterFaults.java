/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.model.ReservationId;

/**
 * What a booking load leaves behind after faults, checked in SQL rather than through the ports:
 * every acknowledged booking is committed, and nothing is half-written.
 */
final class AfterFaults {
  private AfterFaults() {}

  static void assertAcknowledgedKeptAndNothingHalfWritten(TestDatabase db, Collection<ReservationId> acknowledged) {
    for (ReservationId id : acknowledged) {
      assertThat(db.count("select count(*) from reservation where id = ? and status = 'ACTIVE'", id.value()))
          .as("acknowledged booking %s is committed", id).isEqualTo(1);
    }
    assertThat(db.count("""
        select count(*) from reservation r
        where not exists (select 1 from manage_token t where t.reservation_id = r.id)
           or not exists (select 1 from outbox_message m where m.reservation_id = r.id and m.kind = 'CONFIRMATION')
        """)).as("half-written reservations").isZero();
    assertThat(db.count("""
        select count(*) from outbox_message m
        where not exists (select 1 from reservation r where r.id = m.reservation_id)
        """)).as("orphan outbox rows").isZero();
    HeldSlots.assertExactlyTheActiveReservationsHoldTheirSlots(db, Fixtures.SLOT);
  }
}
