/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The no-double-booking invariant checked in SQL against {@code held_slot}, not through the ports. */
final class HeldSlots {
  private HeldSlots() {}

  static void assertExactlyTheActiveReservationsHoldTheirSlots(TestDatabase db, Duration slot) {
    assertThat(db.count("""
        select count(*) from (
          select official_id, slot_start from held_slot group by official_id, slot_start having count(*) > 1
        ) twice
        """)).as("slots held twice").isZero();
    assertThat(db.count("""
        select count(*)
        from held_slot h
        join reservation r on r.id = h.reservation_id
        where r.status not in ('ACTIVE', 'HELD') or h.official_id <> r.official_id
           or h.slot_start < r.start_at or h.slot_start >= r.end_at
        """)).as("slots held by a reservation that is not active (or a hold), or outside its time").isZero();
    List<Missing> active = db.query("""
        select r.id, r.start_at, r.end_at, (select count(*) from held_slot h where h.reservation_id = r.id) held
        from reservation r
        where r.status = 'ACTIVE'
        """, rs -> new Missing(rs.getString("id"), Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"),
        rs.getLong("held")));
    assertThat(active).as("active reservations without all their slots")
        .allSatisfy(r -> assertThat(r.held()).as(r.id()).isEqualTo(Duration.between(r.start(), r.end()).dividedBy(slot)));
  }

  private record Missing(String id, Instant start, Instant end, long held) {}
}
