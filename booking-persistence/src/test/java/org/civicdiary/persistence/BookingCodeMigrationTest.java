/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.Status;
import org.civicdiary.testkit.NeedsPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reservations made before booking codes existed get unique codes from the migration that adds them. */
@NeedsPostgres
class BookingCodeMigrationTest {
  private static final int ROWS = 3_000;

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void everyExistingReservationGetsAUniqueValidCode(String engine) throws Exception {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    try (TestDatabase db = create.apply("code-backfill")) {
      Flyway.configure().dataSource(db.config.url(), db.config.user(), db.config.password())
          .locations("classpath:db/migration/common").target("5").load().migrate();
      writeOldReservations(db);
      db.start();
      List<String[]> rows = db.query("select booking_code, open_code, status from reservation",
          rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      assertThat(rows).hasSize(ROWS);
      assertThat(rows).extracting(r -> new BookingCode(r[0])).doesNotHaveDuplicates();
      for (String[] row : rows) {
        boolean open = Status.valueOf(row[2]).isOpen();
        assertThat(row[1]).as("open_code of a %s reservation", row[2]).isEqualTo(open ? row[0] : null);
      }
      assertThat(rows.stream().map(r -> r[0].charAt(0)).distinct().count()).as("scattered, not counted up")
          .isEqualTo(25);
    }
  }

  private static void writeOldReservations(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        s.execute("""
            insert into office (id, name_cs, name_en, zone_id, slot_minutes, place_name, place_address, horizon_days,
                                minimum_notice_seconds, max_open_per_email, topic_max_length, retention_days,
                                reminder_lead_seconds)
            values ('o', 'Úřad', 'Office', 'Europe/Prague', 15, 'Radnice', 'Náměstí 1', 60, 0, 3, 200, 30, 86400)""");
        s.execute("insert into department (id, office_id, name_cs, name_en, place_name, place_address) values ('d', 'o', 'Odbor', 'Department', 'Radnice', 'Náměstí 1')");
        s.execute("insert into official (id, department_id, name, room, email, active) values ('n', 'd', 'Jan Novák', '101', null, true)");
        s.execute("insert into agenda (id, department_id, name_cs, name_en, slots) values ('a', 'd', 'Agenda', 'Agenda', 1)");
      }
      String insert = """
          insert into reservation (id, department_id, official_id, agenda_id, start_at, end_at, citizen_name,
                                   search_text, topic, channel, language, status, created_at, updated_at, version,
                                   sequence_number)
          values (?, 'd', 'n', 'a', ?, ?, 'Eva', 'eva', 'OP', 'WEB', 'CS', ?, ?, ?, 0, 0)""";
      Instant base = Instant.parse("2027-03-01T08:00:00Z");
      // the statuses there were before V8 (the waiting list's holds came with V9)
      Status[] statuses = java.util.Arrays.stream(Status.values()).filter(st -> !st.isHold()).toArray(Status[]::new);
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        for (int i = 0; i < ROWS; i++) {
          Instant start = base.plusSeconds(900L * i);
          ps.setObject(1, UUID.randomUUID());
          ps.setObject(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
          ps.setObject(3, OffsetDateTime.ofInstant(start.plusSeconds(900), ZoneOffset.UTC));
          ps.setString(4, statuses[i % statuses.length].name());
          // Some rows share their creation time: the id breaks the tie.
          ps.setObject(5, OffsetDateTime.ofInstant(base.plusSeconds(i / 3), ZoneOffset.UTC));
          ps.setObject(6, OffsetDateTime.ofInstant(base, ZoneOffset.UTC));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }
}
