/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdiary.testkit.contract.ConcurrencyContract;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The concurrency contract on an H2 file database, with the invariant checked again in SQL. */
class H2ConcurrencyTest extends ConcurrencyContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2("concurrency");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }

  @Override
  protected void assertSlotsHeldExactlyByActiveReservations() {
    super.assertSlotsHeldExactlyByActiveReservations();
    assertThat(DB.count("select count(*) from reservation")).as("the database's own count").isEqualTo(all().size());
    assertThat(DB.count("select count(*) from reservation where status = 'ACTIVE'")).isEqualTo(active().size());
    HeldSlots.assertExactlyTheActiveReservationsHoldTheirSlots(DB, Fixtures.SLOT);
  }
}
