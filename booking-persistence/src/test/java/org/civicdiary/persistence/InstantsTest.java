/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.TimeZone;
import java.util.function.Function;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.model.Reservation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instants are stored as the absolute instant, whatever the JVM's zone (New York under Surefire) and
 * the session's (Tokyo in these tests): a round trip through the ports alone could hide a shift
 * made the same way both ways, so the database's own epoch is compared.
 */
@NeedsPostgres
class InstantsTest {
  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void theDatabaseHoldsTheAbsoluteInstant(String engine) {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/New_York");
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    try (TestDatabase db = create.apply("instants").start()) {
      new Fixtures(db.storage()).load();
      // Sunday 28 March 2027, 02:00 Prague: the hour the clocks skip; with microseconds.
      Instant start = Instant.parse("2027-03-28T00:45:00.123456Z");
      Reservation r = Fixtures.reservation(NOVAK, start, "a@example.cz");
      db.storage().transactions().run(() -> db.storage().reservations().add(r, SLOT));

      BigDecimal epoch = db.query("select extract(epoch from start_at) from reservation",
          rs -> rs.getBigDecimal(1)).get(0);
      assertThat(epoch).isEqualByComparingTo(new BigDecimal("1806194700.123456"));
      assertThat(db.storage().reservations().find(r.id())).contains(r);
      assertThat(db.count("select count(*) from held_slot where slot_start = ?", start)).isEqualTo(1);
    }
  }
}
