/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.OFFICE;
import static org.civicdiary.testkit.contract.Fixtures.PASSPORT;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.reservation;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * What keeps the caches (busy time and the directory) exact when a tool writes behind the adapter:
 * PostgreSQL's triggers set the stamps; and {@code civicdiary.db.cache=false} turns both caches off.
 */
class CacheSafetyNetTest {
  private static final Instant FROM = slot(-40);
  private static final Instant TO = slot(200);

  @Test
  @NeedsPostgres
  void plainSqlBehindTheAdapterIsSeenAtOnceOnPostgres() {
    try (TestDatabase db = TestDatabase.postgres("safetynet").start()) {
      Storage storage = db.storage();
      new Fixtures(storage).load();
      Reservation booked = reservation(NOVAK, slot(0), "a@example.cz");
      storage.transactions().run(() -> {
        storage.diaries().lock(NOVAK);
        storage.reservations().add(booked, SLOT);
      });
      // Warm both caches, then write with plain JDBC as a tool would, stamps untouched.
      assertThat(busy(storage)).hasSize(1);
      assertThat(storage.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");

      db.execute("update reservation set start_at = start_at + interval '1 hour', end_at = end_at + interval '1 hour'");
      assertThat(busy(storage)).extracting(BusyTime::start).containsExactly(slot(4));
      db.execute("update reservation set status = 'CANCELLED'");
      assertThat(busy(storage)).isEmpty();
      db.execute("update reservation set status = 'ACTIVE'");
      assertThat(busy(storage)).hasSize(1);
      db.execute("delete from held_slot");
      db.execute("delete from reservation");
      assertThat(busy(storage)).isEmpty();

      db.execute("update official set name = 'Jan Novák st.' where id = 'jan-novak'");
      assertThat(storage.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák st.");
      assertThat(storage.directory().officials(CIVIL)).anyMatch(o -> o.name().equals("Jan Novák st."));
      db.execute("update office set name_en = 'Prague 6'");
      assertThat(storage.directory().office(OFFICE).orElseThrow().name().en()).isEqualTo("Prague 6");
      db.execute("update department set name_en = 'Registry' where id = 'civil-affairs'");
      assertThat(storage.directory().department(CIVIL).orElseThrow().name().en()).isEqualTo("Registry");
      db.execute("delete from diary_window where official_id = 'jan-novak' and weekday = 1");
      assertThat(storage.diaries().windows(NOVAK)).hasSize(4);
      db.execute("insert into walk_in_hours (department_id, ordinal, weekday, start_time, end_time)"
          + " values ('civil-affairs', 0, 3, '08:00', '12:00')");
      assertThat(storage.diaries().walkInHours(CIVIL))
          .containsExactly(new WalkInHours(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)));
      db.execute("delete from agenda_official where agenda_id = 'passport' and official_id = 'eva-dvorakova'");
      assertThat(storage.directory().agenda(PASSPORT).orElseThrow().officials()).containsExactly(NOVAK);
      db.execute("update official set active = false where id = 'eva-dvorakova'");
      assertThat(storage.directory().official(DVORAK).orElseThrow().active()).isFalse();
    }
  }

  /**
   * A trigger renews a stamp once per transaction: the adapter's bookings, which stamp the official
   * themselves, cost no second update of its row.
   */
  @Test
  @NeedsPostgres
  void theTriggersStampARowOncePerTransaction() throws Exception {
    try (TestDatabase db = TestDatabase.postgres("safetynetonce").start()) {
      new Fixtures(db.storage()).load();
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        s.executeUpdate("update office set name_en = 'Prague 6' where id = 'praha-6'");
        long first = stamp(s, "select directory_version from office where id = 'praha-6'");
        s.executeUpdate("update department set name_en = 'Registry' where id = 'civil-affairs'");
        s.executeUpdate("delete from diary_window where official_id = 'jan-novak'");
        assertThat(stamp(s, "select directory_version from office where id = 'praha-6'")).isEqualTo(first);
        c.commit();
        s.executeUpdate("update department set name_en = 'Civil Affairs' where id = 'civil-affairs'");
        assertThat(stamp(s, "select directory_version from office where id = 'praha-6'")).isNotIn(0L, first);
        c.commit();
      }
    }
  }

  /** Off, nothing is kept: a write behind the adapter that sets no stamp (H2 has no triggers) shows at once. */
  @Test
  void theCachesCanBeSwitchedOff() {
    try (TestDatabase db = TestDatabase.h2("cacheoff").start()) {
      new Fixtures(db.storage()).load();
      PersistenceConfig off = PersistenceConfig.from(Settings.of(Map.of(PersistenceConfig.URL, db.config.url(),
          PersistenceConfig.CACHE, "false")));
      assertThat(off.cache()).isFalse();
      assertThat(PersistenceConfig.from(Settings.of(Map.of())).cache()).isTrue();
      CountedStatements counted = new CountedStatements();
      try (JdbcStorage uncached = JdbcStorage.start(off.toBuilder().user(db.config.user())
          .password(db.config.password()).build(), counted::wrap)) {
        counted.take(); // the start's own statements
        Storage storage = uncached.storage();
        Storage cached = db.storage();
        assertThat(storage.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");
        assertThat(cached.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");
        assertThat(busy(storage)).isEmpty();
        assertThat(counted.take()).noneMatch(sql -> sql.contains("directory_version") || sql.contains("busy_version"));

        db.execute("update official set name = 'Jan Novák st.' where id = 'jan-novak'");
        assertThat(storage.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák st.");
        assertThat(cached.directory().official(NOVAK).orElseThrow().name())
            .as("what the stamps are for: a write that sets none is not seen").isEqualTo("Jan Novák");
      }
    }
  }

  private static long stamp(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<BusyTime> busy(Storage storage) {
    return storage.reservations().busy(Set.of(NOVAK, DVORAK), FROM, TO);
  }
}
