/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.Function;
import org.civicdiary.booking.port.Reservations;
import org.civicdiary.testkit.NeedsPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mailbox tallies of past days go with the first count of a later day, once a day per node
 * rather than with every booking, and a tally of today is never lost with them.
 */
@NeedsPostgres
class MailTallyTest {
  private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void pastDaysTalliesGoWithTheFirstCountOfALaterDay(String engine) {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    try (TestDatabase db = create.apply("mailtally").start()) {
      Reservations reservations = db.storage().reservations();
      assertThat(db.storage().transactions().inTransaction(() -> reservations.countMessageTo("eva@example.cz", MONDAY, 3)))
          .isTrue();
      assertThat(db.count("select count(*) from mail_tally")).isEqualTo(1);

      LocalDate wednesday = MONDAY.plusDays(2);
      assertThat(db.storage().transactions().inTransaction(() -> reservations.countMessageTo("jan@example.cz", wednesday, 3)))
          .isTrue();
      assertThat(db.count("select count(*) from mail_tally where on_day < ?", wednesday.minusDays(1)))
          .as("Monday's tally forgotten").isZero();
      assertThat(db.storage().transactions().inTransaction(() -> reservations.countMessageTo("jan@example.cz", wednesday, 3)))
          .isTrue();
      assertThat(db.count("select messages from mail_tally where on_day = ?", wednesday)).as("today's kept and counted")
          .isEqualTo(2);
    }
  }
}
