/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.NeedsPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accounts made before offices had staff of their own keep working after V20: an official's
 * account gets the official's office, other staff the first office (the one the console showed),
 * and administrators become the deployment's.
 */
@NeedsPostgres
class StaffOfficeMigrationTest {
  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void existingAccountsGetTheirOfficeAndAdministratorsTheWholeDeployment(String engine) throws Exception {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    try (TestDatabase db = create.apply("staff-office")) {
      Flyway.configure().dataSource(db.config.url(), db.config.user(), db.config.password())
          .locations("classpath:db/migration/common").javaMigrations(new V12__Mailbox_keys())
          .target("17").load().migrate(); // as released before V20
      writeOldAccounts(db);
      Storage storage = db.start().storage();

      Map<String, OfficeId> offices = new TreeMap<>();
      for (StaffAccount a : storage.staffAccounts().all()) {
        offices.put(a.username(), a.office());
      }
      Map<String, OfficeId> expected = new TreeMap<>();
      expected.put("alena.admin", null);
      expected.put("jan.novak", OfficeId.of("b-praha-6"));
      expected.put("josef.kral", OfficeId.of("c-horomerice"));
      expected.put("olga.operator", OfficeId.of("a-first"));
      assertThat(offices).isEqualTo(expected);
      assertThat(storage.staffAccounts().find("alena.admin").orElseThrow().member().administersDeployment()).isTrue();
      assertThat(storage.staffAccounts().find("olga.operator").orElseThrow().member().mayActIn(OfficeId.of("b-praha-6")))
          .isFalse();
    }
  }

  private static void writeOldAccounts(TestDatabase db) throws Exception {
    try (Connection c = db.connect(); var s = c.createStatement()) {
      for (String office : new String[] {"b-praha-6", "a-first", "c-horomerice"}) {
        s.execute("""
            insert into office (id, name_cs, name_en, zone_id, slot_minutes, place_name, place_address, horizon_days,
                                minimum_notice_seconds, max_open_per_email, topic_max_length, retention_days,
                                reminder_lead_seconds)
            values ('%s', 'Úřad', 'Office', 'Europe/Prague', 15, 'Radnice', 'Náměstí 1', 60, 0, 3, 200, 30, 86400)"""
            .formatted(office));
      }
      s.execute("insert into department (id, office_id, name_cs, name_en, place_name, place_address) "
          + "values ('civil', 'b-praha-6', 'Odbor', 'Department', 'Radnice', 'Náměstí 1')");
      s.execute("insert into department (id, office_id, name_cs, name_en, place_name, place_address) "
          + "values ('registry', 'c-horomerice', 'Matrika', 'Registry', 'Obecní úřad', 'Velvarská 1')");
      s.execute("insert into official (id, department_id, name, room, email, active) values ('novak', 'civil', 'Jan Novák', '101', null, true)");
      s.execute("insert into official (id, department_id, name, room, email, active) values ('kral', 'registry', 'Josef Král', '1', null, true)");
      String account = "insert into staff_account (username, password_hash, staff_role, official_id, active) values ";
      s.execute(account + "('alena.admin', 'hash', 'ADMIN', null, true)");
      s.execute(account + "('olga.operator', 'hash', 'OPERATOR', null, true)");
      s.execute(account + "('jan.novak', 'hash', 'OFFICIAL', 'novak', true)");
      s.execute(account + "('josef.kral', 'hash', 'OFFICIAL', 'kral', false)");
    }
  }
}
