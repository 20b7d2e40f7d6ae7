/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.reservation;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.EmailKey;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.model.WaitingListStatus;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 item 6: rows written before V12 kept the lower-cased address as their key; V12 rewrites
 * it to the mailbox's hash, so they count with new bookings from any spelling of the mailbox, and
 * anonymised rows stay without one.
 */
@NeedsPostgres
class MailboxKeyMigrationTest {
  private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void existingRowsGetTheMailboxKeyAndTheAddressStaysAsTyped(String engine) throws SQLException {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    try (TestDatabase db = create.apply("mailbox-keys")) {
      Storage storage = db.start().storage();
      new Fixtures(storage).load();
      List<Reservation> rows = List.of(reservation(NOVAK, slot(0), "Eva.Nova+1@gmail.com"),
          reservation(NOVAK, slot(1), 1, "evanova@googlemail.com", Status.DISPLACED),
          reservation(NOVAK, slot(2), "jan@example.cz"));
      WaitingListEntry waiting = new WaitingListEntry(WaitingListEntryId.random(), CIVIL, NOVAK, ID_CARD, TUESDAY,
          TUESDAY, TUESDAY.atStartOfDay(Office.DEFAULT_ZONE).toInstant(),
          TUESDAY.plusDays(1).atStartOfDay(Office.DEFAULT_ZONE).toInstant(), new Citizen("Eva", "EVANOVA+w@gmail.com", null),
          "Pas", Channel.WEB, Language.CS, WaitingListStatus.ACTIVE, NOW, NOW, null, null, 0);
      storage.transactions().run(() -> {
        rows.forEach(r -> storage.reservations().add(r, SLOT));
        storage.waitingList().add(waiting);
      });
      // as a version before V12 left them: the lower-cased address as the key, no tally, V12 not yet applied
      db.execute("update reservation set email_key = lower(citizen_email)");
      db.execute("update waiting_list_entry set email_key = lower(citizen_email)");
      db.execute("drop table mail_tally");
      // Then V12 runs on them as Flyway runs it on an upgrade. Directly: later migrations are in
      // place already, and Flyway refuses to apply an earlier one after them.
      db.jdbc().close();
      try (Connection c = db.connect()) {
        c.setAutoCommit(false);
        new V12__Mailbox_keys().migrate(new Context() {
          @Override
          public Configuration getConfiguration() {
            return null;
          }

          @Override
          public Connection getConnection() {
            return c;
          }
        });
        c.commit();
      }

      Storage migrated = db.start().storage();
      assertThat(db.query("select citizen_email, email_key from reservation order by start_at",
          rs -> List.of(rs.getString(1), rs.getString(2))))
          .containsExactly(List.of("Eva.Nova+1@gmail.com", EmailKey.of("evanova@gmail.com")),
              List.of("evanova@googlemail.com", EmailKey.of("evanova@gmail.com")),
              List.of("jan@example.cz", EmailKey.of("jan@example.cz")));
      assertThat(migrated.reservations().openOfEmail("e.v.a.nova+2@gmail.com")).extracting(Reservation::id)
          .containsExactlyInAnyOrder(rows.get(0).id(), rows.get(1).id());
      assertThat(db.count("select count(*) from reservation where email_key like '%@%'")).isZero();
      assertThat(db.count("select count(*) from mail_tally")).as("the tally is back, empty").isZero();
      assertThat(migrated.waitingList().liveOfEmail("evanova@gmail.com")).extracting(WaitingListEntry::id)
          .containsExactly(waiting.id());
    }
  }
}
