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

  private static TestDatabase database(String engine) {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    TestDatabase db = create.apply("directorycache").start();
    new Fixtures(db.storage()).load();
    return db;
  }

  private static long stamp(TestDatabase db) {
    return db.count("select stamp from directory_stamp");
  }
}
