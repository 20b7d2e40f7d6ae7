/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.reservation;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The directory kept in memory (see {@code DirectoryCache}) reads as the database holds it: on
 * another node at once, inside a unit of work that changed it, after a rollback, and after a
 * diary's lock that waited for a programme change.
 */
@NeedsPostgres
class DirectoryCacheTest {
  private static final OfficeId BRNO = OfficeId.of("brno-stred");
  private static final DepartmentId BRNO_CIVIL = DepartmentId.of("brno-registry");
  private static final OfficialId BRNO_CLERK = OfficialId.of("ivana-mala");
  private static final Official RENAMED = new Official(NOVAK, CIVIL, "Jan Novák ml.", "dveře 105", null, true);

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void anotherNodesChangesShowAtOnce(String engine) {
    try (TestDatabase db = database(engine); JdbcStorage other = JdbcStorage.start(db.config)) {
      Storage a = db.storage();
      Storage b = other.storage();
      assertThat(a.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");
      assertThat(a.diaries().windows(NOVAK)).hasSize(5);

      b.transactions().run(() -> b.directory().save(RENAMED));
      assertThat(a.directory().official(NOVAK)).contains(RENAMED);
      assertThat(a.directory().officials(CIVIL)).contains(RENAMED);

      List<Window> mornings = List.of(Window.weekly(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0),
          java.time.LocalDate.of(2026, 1, 1)));
      b.transactions().run(() -> b.diaries().replaceWindows(NOVAK, mornings));
      assertThat(a.diaries().windows(NOVAK)).isEqualTo(mornings);

      List<WalkInHours> walkIn = List.of(new WalkInHours(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)));
      b.transactions().run(() -> b.diaries().replaceWalkInHours(CIVIL, walkIn));
      assertThat(a.diaries().walkInHours(CIVIL)).isEqualTo(walkIn);

      Agenda renamed = new Agenda(ID_CARD, CIVIL, LocalizedText.of("Občanka", "ID"), 2, Set.of(NOVAK));
      b.transactions().run(() -> b.directory().save(renamed));
      assertThat(a.directory().agenda(ID_CARD)).contains(renamed);
      assertThat(a.directory().agendas(CIVIL)).contains(renamed);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void aUnitOfWorkReadsItsOwnChangesAndARollbackLeavesNoTrace(String engine) {
    try (TestDatabase db = database(engine); JdbcStorage other = JdbcStorage.start(db.config)) {
      Storage a = db.storage();
      assertThat(a.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");
      assertThatThrownBy(() -> a.transactions().run(() -> {
        assertThat(a.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");
        a.directory().save(RENAMED);
        assertThat(a.directory().official(NOVAK)).as("its own change, inside").contains(RENAMED);
        throw new IllegalStateException("rolled back");
      })).hasMessage("rolled back");
      assertThat(a.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");
      assertThat(other.storage().directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");
    }
  }

  /**
   * A booking checks the diary only after its lock: a schedule change it waited for must be what
   * it sees, even though it read the directory before the lock.
   */
  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void aDiarysLockReadsTheProgrammeChangeItWaitedFor(String engine) throws Exception {
    try (TestDatabase db = database(engine); JdbcStorage other = JdbcStorage.start(db.config)) {
      Storage a = db.storage();
      Storage b = other.storage();
      List<Window> none = List.of();
      List<List<Window>> seen = a.transactions().inTransaction(() -> {
        List<Window> before = a.diaries().windows(NOVAK);
        // Another node changes the programme under the diary's lock and commits meanwhile.
        CompletableFuture.runAsync(() -> b.transactions().run(() -> {
          b.diaries().lock(NOVAK);
          b.diaries().replaceWindows(NOVAK, none);
        })).orTimeout(30, TimeUnit.SECONDS).join();
        a.diaries().lock(NOVAK);
        return List.of(before, a.diaries().windows(NOVAK));
      });
      assertThat(seen.get(0)).hasSize(5);
      assertThat(seen.get(1)).as("after the lock").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void directoryChangesSetANewStampAndBookingsDoNot(String engine) {
    try (TestDatabase db = database(engine)) {
      Storage storage = db.storage();
      long loaded = stamp(db);
      assertThat(loaded).isNotZero();
      storage.transactions().run(() -> {
        storage.diaries().lock(NOVAK);
        storage.reservations().add(reservation(NOVAK, slot(0), "a@example.cz"), SLOT);
      });
      assertThat(stamp(db)).as("a booking").isEqualTo(loaded);
      storage.transactions().run(() -> storage.directory().save(RENAMED));
      assertThat(stamp(db)).isNotIn(0L, loaded);
    }
  }

  /**
   * An administrator's change in one office leaves every other office warm on another node: reading
   * office B after a change in office A costs B's stamp check and nothing else, counted statement
   * by statement; office A alone is read again.
   */
  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void aChangeInOneOfficeLeavesTheOtherOfficesWarm(String engine) {
    CountedStatements counted = new CountedStatements();
    try (TestDatabase db = database(engine); JdbcStorage node = JdbcStorage.start(db.config, counted::wrap)) {
      Storage admin = db.storage();
      admin.transactions().run(() -> {
        admin.directory().save(new Office(BRNO, LocalizedText.of("Brno-střed", "Brno Centre"), Office.DEFAULT_ZONE,
            SLOT, new Place("Radnice", "Dominikánská 2"), List.of(), BookingPolicy.DEFAULT));
        admin.directory().save(new Department(BRNO_CIVIL, BRNO, LocalizedText.of("Matrika", "Registry"),
            new Place("Radnice", "Dominikánská 2")));
        admin.directory().save(new Official(BRNO_CLERK, BRNO_CIVIL, "Ivana Malá", null, null, true));
        admin.diaries().replaceWindows(BRNO_CLERK, Fixtures.weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0)));
      });
      Storage b = node.storage();
      Runnable readB = () -> {
        assertThat(b.directory().official(BRNO_CLERK)).isPresent();
        assertThat(b.directory().officials(BRNO_CIVIL)).hasSize(1);
        assertThat(b.diaries().windows(List.of(BRNO_CLERK)).get(BRNO_CLERK)).hasSize(5);
        assertThat(b.directory().office(BRNO)).isPresent();
      };
      readB.run();
      assertThat(b.directory().official(NOVAK).orElseThrow().name()).isEqualTo("Jan Novák");
      counted.take();

      readB.run();
      List<String> warm = counted.take();
      assertThat(warm).as("warm: one stamp check a read").hasSize(4).allMatch(DirectoryCacheTest::stampCheck);

      admin.transactions().run(() -> {
        admin.directory().save(RENAMED);
        admin.diaries().replaceWindows(NOVAK, List.of());
      });
      readB.run();
      assertThat(counted.take()).as("office B after a change in office A").isEqualTo(warm);

      assertThat(b.directory().official(NOVAK)).contains(RENAMED);
      assertThat(b.diaries().windows(NOVAK)).isEmpty();
      List<String> officeA = counted.take();
      assertThat(officeA).as("office A read again").anyMatch(sql -> !stampCheck(sql));

      // Inside a unit of work an office's stamp is checked once.
      b.transactions().run(readB);
      assertThat(counted.take()).hasSize(1).allMatch(DirectoryCacheTest::stampCheck);
    }
  }

  private static boolean stampCheck(String sql) {
    return sql.startsWith("select id, directory_version from office");
  }

  private static TestDatabase database(String engine) {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    TestDatabase db = create.apply("directorycache").start();
    new Fixtures(db.storage()).load();
    return db;
  }

  private static long stamp(TestDatabase db) {
    return db.count("select directory_version from office where id = ?", Fixtures.OFFICE.value());
  }
}
