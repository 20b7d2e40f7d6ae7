/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.OFFICE;
import static org.civicdiary.testkit.contract.Fixtures.PASSPORT;
import static org.civicdiary.testkit.contract.Fixtures.RETIRED;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.SVOBODA;
import static org.civicdiary.testkit.contract.Fixtures.TRADE;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random runs of the storage's operations (bookings, status changes, moves, absences, windows,
 * walk-in hours, directory changes across two offices) written through a cached and an uncached
 * adapter on one database; after every step both answer every read alike, outside and inside a
 * unit of work. The seed is printed on failure; {@code -Dcivicdiary.seed=…} repeats a run.
 */
@NeedsPostgres
class CachedAndUncachedAgreeTest {
  private static final int STEPS = 150;
  private static final OfficeId BRNO = OfficeId.of("brno-stred");
  private static final DepartmentId REGISTRY = DepartmentId.of("brno-registry");
  private static final OfficialId MALA = OfficialId.of("ivana-mala");
  private static final AgendaId BIRTHS = AgendaId.of("births");
  private static final List<OfficeId> OFFICES = List.of(OFFICE, BRNO);
  private static final List<DepartmentId> DEPARTMENTS = List.of(CIVIL, TRADE, REGISTRY, DepartmentId.of("nowhere"));
  private static final List<OfficialId> OFFICIALS = List.of(NOVAK, DVORAK, RETIRED, SVOBODA, MALA, OfficialId.of("nobody"));
  private static final List<AgendaId> AGENDAS = List.of(ID_CARD, PASSPORT, BIRTHS, AgendaId.of("none"));
  private static final Instant FROM = slot(-100);
  private static final Instant TO = slot(300);

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void cachedAndUncachedAnswerAlike(String engine) {
    long seed = Long.getLong("civicdiary.seed", System.nanoTime());
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    try (TestDatabase db = create.apply("cacheagree").start();
        JdbcStorage uncached = JdbcStorage.start(db.config.toBuilder().cache(false).build())) {
      Run run = new Run(new Random(seed), db.storage(), uncached.storage());
      run.setUp();
      for (int step = 0; step < STEPS; step++) {
        String done;
        try {
          done = run.step();
        } catch (RuntimeException | AssertionError e) {
          throw new AssertionError("seed " + seed + " (-Dcivicdiary.seed=" + seed + "), step " + step, e);
        }
        assertThat(run.answers(run.cached)).as("seed %d, step %d (%s)", seed, step, done)
            .isEqualTo(run.answers(run.uncached));
      }
    }
  }

  private static final class Run {
    final Random random;
    final Storage cached;
    final Storage uncached;
    final List<Reservation> reservations = new ArrayList<>();
    final List<Absence> absences = new ArrayList<>();

    Run(Random random, Storage cached, Storage uncached) {
      this.random = random;
      this.cached = cached;
      this.uncached = uncached;
    }

    void setUp() {
      new Fixtures(cached).load();
      uncached.transactions().run(() -> {
        uncached.directory().save(office(BRNO, "Brno-střed"));
        uncached.directory().save(new Department(REGISTRY, BRNO, LocalizedText.of("Matrika", "Registry"),
            new Place("Radnice", "Dominikánská 2")));
        uncached.directory().save(new Official(MALA, REGISTRY, "Ivana Malá", null, null, true));
        uncached.directory().save(new Agenda(BIRTHS, REGISTRY, LocalizedText.of("Narození", "Births"), 1, Set.of(MALA)));
        uncached.diaries().replaceWindows(MALA, Fixtures.weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0)));
      });
    }

    /** One random operation through a random adapter; says what it did. */
    String step() {
      Storage s = random.nextBoolean() ? cached : uncached;
      String by = s == cached ? "cached" : "uncached";
      int kind = random.nextInt(12);
      OfficialId official = pick(OFFICIALS.subList(0, 5));
      switch (kind) {
        case 0, 1, 2 -> {
          Reservation r = Fixtures.reservation(official, slot(random.nextInt(60)), 1 + random.nextInt(2), "a@example.cz",
              Status.ACTIVE);
          boolean locked = random.nextBoolean();
          if (attempt(() -> s.transactions().run(() -> {
            if (locked) {
              s.diaries().lock(r.official());
            }
            if (random.nextBoolean()) {
              answers(s); // a read inside the unit, before its write
            }
            s.reservations().add(r, SLOT);
          }))) {
            reservations.add(r);
          }
          return by + " books " + official;
        }
        case 3 -> {
          Status status = pick(List.of(Status.values()));
          return change(s, r -> r.withStatus(status, null, r.updatedAt()), by + " sets " + status);
        }
        case 4 -> {
          Instant start = slot(random.nextInt(60));
          return change(s, r -> r.movedTo(official, start, start.plus(SLOT), null, r.updatedAt()),
              by + " moves to " + official);
        }
        case 5 -> {
          if (!absences.isEmpty() && random.nextBoolean()) {
            Absence gone = absences.remove(random.nextInt(absences.size()));
            s.transactions().run(() -> s.diaries().remove(gone.id()));
            return by + " removes an absence";
          }
          Instant start = slot(random.nextInt(60));
          Absence a = new Absence(new AbsenceId(new UUID(random.nextLong(), random.nextLong())), official, start,
              start.plus(SLOT.multipliedBy(1 + random.nextInt(8))), pick(List.of(AbsenceKind.values())), "");
          s.transactions().run(() -> s.diaries().add(a));
          absences.add(a);
          return by + " adds an absence of " + official;
        }
        case 6 -> {
          List<Window> windows = new ArrayList<>();
          for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(3) == 0) {
              int hour = 7 + random.nextInt(6);
              windows.add(Window.weekly(day, LocalTime.of(hour, 0), LocalTime.of(hour + 1 + random.nextInt(6), 0),
                  LocalDate.of(2026, 1, 1)));
            }
          }
          s.transactions().run(() -> s.diaries().replaceWindows(official, windows));
          return by + " replaces the windows of " + official;
        }
        case 7 -> {
          DepartmentId department = pick(DEPARTMENTS.subList(0, 3));
          List<WalkInHours> hours = random.nextBoolean() ? List.of()
              : List.of(new WalkInHours(pick(List.of(DayOfWeek.values())), LocalTime.of(8, 0),
                  LocalTime.of(9 + random.nextInt(8), 0)));
          s.transactions().run(() -> s.diaries().replaceWalkInHours(department, hours));
          return by + " replaces the walk-in hours of " + department;
        }
        case 8 -> {
          DepartmentId department = pick(DEPARTMENTS.subList(0, 3));
          Official o = new Official(official, department, "Úředník " + random.nextInt(100), null, null,
              random.nextInt(4) > 0);
          s.transactions().run(() -> s.directory().save(o));
          return by + " saves " + official + " in " + department;
        }
        case 9 -> {
          DepartmentId department = pick(DEPARTMENTS.subList(0, 3));
          OfficeId office = pick(OFFICES);
          s.transactions().run(() -> s.directory().save(new Department(department, office,
              LocalizedText.of("Odbor " + random.nextInt(100), "Department"), new Place("Radnice", "Náměstí 1"))));
          return by + " moves " + department + " to " + office;
        }
        case 10 -> {
          AgendaId agenda = pick(AGENDAS.subList(0, 3));
          Set<OfficialId> handling = new HashSet<>();
          OFFICIALS.subList(0, 5).forEach(o -> {
            if (random.nextBoolean()) {
              handling.add(o);
            }
          });
          DepartmentId department = pick(DEPARTMENTS.subList(0, 3));
          s.transactions().run(() -> s.directory().save(new Agenda(agenda, department,
              LocalizedText.of("Agenda " + random.nextInt(100), "Agenda"), 1 + random.nextInt(2), handling)));
          return by + " saves agenda " + agenda;
        }
        default -> {
          OfficeId office = pick(OFFICES);
          s.transactions().run(() -> s.directory().save(office(office, "Úřad " + random.nextInt(100))));
          return by + " renames " + office;
        }
      }
    }

    /** Changes a booked reservation under its official's lock, if there is one to change. */
    private String change(Storage s, Function<Reservation, Reservation> how, String what) {
      if (reservations.isEmpty()) {
        return what + ": none booked";
      }
      int i = random.nextInt(reservations.size());
      Reservation changed = how.apply(reservations.get(i));
      // Not always under the diaries' locks (which stamp too): the update's own stamps must suffice.
      boolean locked = random.nextBoolean();
      if (attempt(() -> s.transactions().run(() -> {
        if (locked) {
          s.diaries().lock(reservations.get(i).official());
          s.diaries().lock(changed.official());
        }
        s.reservations().update(changed, SLOT);
      }))) {
        reservations.set(i, changed);
      }
      return what;
    }

    private static boolean attempt(Runnable booking) {
      try {
        booking.run();
        return true;
      } catch (SlotTaken | ConcurrentChange e) {
        return false;
      }
    }

    /** Every read the caches serve, and the busy time and absences around them. */
    List<Object> answers(Storage s) {
      if (random.nextInt(4) == 0) {
        return s.transactions().inTransaction(() -> read(s));
      }
      return read(s);
    }

    private static List<Object> read(Storage s) {
      List<Object> answers = new ArrayList<>();
      answers.add(s.directory().offices());
      answers.add(s.directory().departments());
      OFFICES.forEach(o -> answers.add(s.directory().office(o)));
      for (DepartmentId d : DEPARTMENTS) {
        answers.add(s.directory().department(d));
        answers.add(s.directory().officials(d));
        answers.add(s.directory().agendas(d));
        answers.add(s.diaries().walkInHours(d));
      }
      OFFICIALS.forEach(o -> answers.add(s.directory().official(o)));
      AGENDAS.forEach(a -> answers.add(s.directory().agenda(a)));
      answers.add(s.diaries().windows(OFFICIALS));
      OFFICIALS.forEach(o -> answers.add(s.diaries().windows(o)));
      List<BusyTime> busy = new ArrayList<>(s.reservations().busy(OFFICIALS, FROM, TO));
      busy.sort(Comparator.comparing((BusyTime b) -> b.official().value()).thenComparing(BusyTime::start));
      answers.add(busy);
      answers.add(s.reservations().busy(List.of(NOVAK), slot(10), slot(20)).size());
      answers.add(s.diaries().absences(OFFICIALS, FROM, TO));
      return answers;
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    private static Office office(OfficeId id, String name) {
      return new Office(id, LocalizedText.of(name, "Town Hall"), Office.DEFAULT_ZONE, SLOT,
          new Place("Radnice", "Náměstí 1"), List.of(), BookingPolicy.DEFAULT);
    }
  }
}
