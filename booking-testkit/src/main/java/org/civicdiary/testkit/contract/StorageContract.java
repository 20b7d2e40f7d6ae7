/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.OFFICE;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.SVOBODA;
import static org.civicdiary.testkit.contract.Fixtures.TRADE;
import static org.civicdiary.testkit.contract.Fixtures.reservation;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffSession;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.StoredResponse;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Reservations;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every storage adapter promises, port by port. An adapter's test extends this class and
 * returns a new, empty storage from {@link #emptyStorage()}; every test starts from the
 * {@link Fixtures} town hall.
 */
public abstract class StorageContract {
  protected Storage storage;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
  }

  private <T> T tx(java.util.function.Supplier<T> work) {
    return storage.transactions().inTransaction(work);
  }

  private void add(Reservation r) {
    storage.transactions().run(() -> storage.reservations().add(r, SLOT));
  }

  private void update(Reservation r) {
    storage.transactions().run(() -> storage.reservations().update(r, SLOT));
  }

  private List<BusyTime> busyOf(OfficialId official) {
    return storage.reservations().busy(List.of(official), slot(-100), slot(100));
  }

  @Nested
  class DirectoryContract {
    @Test
    void keepsEveryFieldOfTheOffice() {
      assertThat(storage.directory().office(OFFICE)).contains(Fixtures.office());
      assertThat(storage.directory().offices()).containsExactly(Fixtures.office());
    }

    @Test
    void keepsEveryRuleOfThePolicyAndChangesWhetherFeedsNameCitizens() {
      Office office = Fixtures.office();
      Office allowing = new Office(office.id(), office.name(), office.zone(), office.slotLength(), office.place(),
          office.phones(), new BookingPolicy(30, Duration.ofMinutes(45), 2, 300, 14, Duration.ofHours(3), true));
      storage.transactions().run(() -> storage.directory().save(allowing));
      assertThat(storage.directory().office(OFFICE)).contains(allowing);
      assertThat(storage.directory().offices()).containsExactly(allowing);

      Office forbidding = new Office(office.id(), office.name(), office.zone(), office.slotLength(), office.place(),
          office.phones(), new BookingPolicy(30, Duration.ofMinutes(45), 2, 300, 14, Duration.ofHours(3), false));
      storage.transactions().run(() -> storage.directory().save(forbidding));
      assertThat(storage.directory().office(OFFICE)).get()
          .extracting(o -> o.policy().feedShowsCitizenNames()).isEqualTo(false);
    }

    @Test
    void keepsPlaceDescriptionsInBothLanguagesAndPlacesWithoutOne() {
      LocalizedText how = LocalizedText.of("Vchod z nádvoří, 2. patro", "Entrance from the courtyard, 2nd floor");
      Office office = Fixtures.office();
      Office described = new Office(office.id(), office.name(), office.zone(), office.slotLength(),
          new Place(office.place().name(), office.place().address(), how), office.phones(), office.policy());
      Department civil = storage.directory().department(CIVIL).orElseThrow();
      Department civilDescribed = new Department(civil.id(), civil.office(), civil.name(),
          new Place(civil.place().name(), civil.place().address(), how));
      List<Window> windows = List.of(new Window(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0),
          LocalDate.of(2027, 1, 1), null, Set.of(), new Place("Mobilní radnice", "Bělohorská 110", how)));
      storage.transactions().run(() -> {
        storage.directory().save(described);
        storage.directory().save(civilDescribed);
        storage.diaries().replaceWindows(NOVAK, windows);
      });
      assertThat(storage.directory().office(OFFICE)).contains(described);
      assertThat(storage.directory().department(CIVIL)).contains(civilDescribed);
      assertThat(storage.directory().department(TRADE).orElseThrow().place().description()).isNull();
      assertThat(storage.diaries().windows(NOVAK)).containsExactlyElementsOf(windows);
      assertThat(storage.diaries().windows(NOVAK).get(0).place().description(Language.EN))
          .contains("Entrance from the courtyard, 2nd floor");

      storage.transactions().run(() -> storage.directory().save(civil));
      assertThat(storage.directory().department(CIVIL)).contains(civil);
    }

    @Test
    void listsDepartmentsOfficialsAndAgendasOrderedById() {
      assertThat(storage.directory().departments()).extracting(Department::id).containsExactly(CIVIL, TRADE);
      assertThat(storage.directory().officials(CIVIL)).extracting(Official::id)
          .containsExactly(DVORAK, NOVAK, Fixtures.RETIRED);
      assertThat(storage.directory().agendas(CIVIL)).extracting(Agenda::id).containsExactly(ID_CARD, Fixtures.PASSPORT);
      assertThat(storage.directory().agendas(TRADE)).isEmpty();
    }

    @Test
    void keepsEveryFieldOfOfficialsAndAgendas() {
      assertThat(storage.directory().official(NOVAK)).contains(
          new Official(NOVAK, CIVIL, "Jan Novák", "dveře 101", "jan.novak@praha6.example", true));
      assertThat(storage.directory().official(Fixtures.RETIRED)).contains(
          new Official(Fixtures.RETIRED, CIVIL, "Karel Starý", null, null, false));
      assertThat(storage.directory().agenda(Fixtures.PASSPORT)).contains(new Agenda(Fixtures.PASSPORT, CIVIL,
          LocalizedText.of("Cestovní pas", "Passport"), 2, Set.of(NOVAK, DVORAK)));
    }

    @Test
    void savingReplaces() {
      Official renamed = new Official(NOVAK, CIVIL, "Jan Novák ml.", null, null, false);
      tx(() -> {
        storage.directory().save(renamed);
        return null;
      });
      assertThat(storage.directory().official(NOVAK)).contains(renamed);
      Agenda fewer = new Agenda(ID_CARD, CIVIL, LocalizedText.of("OP", "ID"), 1, Set.of(DVORAK));
      storage.transactions().run(() -> storage.directory().save(fewer));
      assertThat(storage.directory().agenda(ID_CARD)).contains(fewer);
    }

    @Test
    void unknownIdsAreEmpty() {
      assertThat(storage.directory().office(OfficeId.of("nowhere"))).isEmpty();
      assertThat(storage.directory().department(DepartmentId.of("nowhere"))).isEmpty();
      assertThat(storage.directory().official(OfficialId.of("nobody"))).isEmpty();
      assertThat(storage.directory().agenda(AgendaId.of("nothing"))).isEmpty();
      assertThat(storage.directory().officials(DepartmentId.of("nowhere"))).isEmpty();
    }

    @Test
    void refusesRecordsWhoseParentsDoNotExist() {
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.directory().save(new Department(
          DepartmentId.of("x"), OfficeId.of("nowhere"), LocalizedText.of("X", "X"), new Place("a", "b")))))
          .isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.directory().save(
          new Official(OfficialId.of("x"), DepartmentId.of("nowhere"), "X", null, null, true))))
          .isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.directory().save(new Agenda(
          AgendaId.of("x"), CIVIL, LocalizedText.of("X", "X"), 1, Set.of(OfficialId.of("nobody"))))))
          .isInstanceOf(NotFound.class);
      assertThat(storage.directory().department(DepartmentId.of("x"))).isEmpty();
      assertThat(storage.directory().agenda(AgendaId.of("x"))).isEmpty();
    }
  }

  @Nested
  class DiariesContract {
    @Test
    void keepsWindowsInOrderWithEveryField() {
      List<Window> windows = List.of(
          new Window(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), LocalDate.of(2027, 1, 1),
              LocalDate.of(2027, 6, 30), Set.of(LocalDate.of(2027, 5, 8), LocalDate.of(2027, 5, 1)),
              new Place("Mobilní radnice", "Bělohorská 110"), 0, 0, Set.of(AgendaId.of("passport"), AgendaId.of("id-card"))),
          Window.weekly(DayOfWeek.MONDAY, LocalTime.of(16, 30), LocalTime.of(19, 45), LocalDate.of(2027, 3, 1)));
      storage.transactions().run(() -> storage.diaries().replaceWindows(NOVAK, windows));
      assertThat(storage.diaries().windows(NOVAK)).containsExactlyElementsOf(windows);
      assertThat(storage.diaries().windows(List.of(NOVAK, DVORAK)))
          .containsEntry(NOVAK, windows)
          .containsEntry(DVORAK, Fixtures.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)));
      assertThat(storage.diaries().windows(OfficialId.of("nobody"))).isEmpty();
    }

    @Test
    void replacingWithNothingClearsTheWindows() {
      storage.transactions().run(() -> storage.diaries().replaceWindows(NOVAK, List.of()));
      assertThat(storage.diaries().windows(NOVAK)).isEmpty();
    }

    @Test
    void keepsWalkInHours() {
      List<WalkInHours> hours = List.of(new WalkInHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
          new WalkInHours(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)));
      storage.transactions().run(() -> storage.diaries().replaceWalkInHours(CIVIL, hours));
      assertThat(storage.diaries().walkInHours(CIVIL)).containsExactlyElementsOf(hours);
      assertThat(storage.diaries().walkInHours(TRADE)).isEmpty();
    }

    @Test
    void findsAbsencesOverlappingAHalfOpenRange() {
      Absence before = absence(NOVAK, slot(-4), slot(0));
      Absence inside = absence(NOVAK, slot(2), slot(3));
      Absence across = absence(NOVAK, slot(-1), slot(5));
      Absence after = absence(NOVAK, slot(4), slot(8));
      Absence other = absence(DVORAK, slot(0), slot(4));
      storage.transactions().run(() -> List.of(before, inside, across, after, other).forEach(storage.diaries()::add));
      assertThat(storage.diaries().absences(List.of(NOVAK), slot(0), slot(4))).containsExactly(across, inside);
      assertThat(storage.diaries().absences(List.of(NOVAK, DVORAK), slot(0), slot(1)))
          .containsExactlyInAnyOrder(across, other);
      assertThat(storage.diaries().absence(inside.id())).contains(inside);
    }

    @Test
    void removesAbsences() {
      Absence a = absence(NOVAK, slot(0), slot(4));
      storage.transactions().run(() -> storage.diaries().add(a));
      assertThat(tx(() -> storage.diaries().remove(a.id()))).isTrue();
      assertThat(tx(() -> storage.diaries().remove(a.id()))).isFalse();
      assertThat(storage.diaries().absence(a.id())).isEmpty();
    }

    @Test
    void lockingAnUnknownOfficialIsNotFound() {
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.diaries().lock(OfficialId.of("nobody"))))
          .isInstanceOf(NotFound.class);
      storage.transactions().run(() -> storage.diaries().lock(NOVAK));
    }
  }

  @Nested
  class ReservationsContract {
    @Test
    void keepsEveryField() {
      Reservation r = reservation(NOVAK, slot(0), 2, "marie@example.cz", Status.ACTIVE);
      add(r);
      assertThat(storage.reservations().find(r.id())).contains(r);
      assertThat(storage.reservations().find(ReservationId.random())).isEmpty();
    }

    @Test
    void keepsPhoneBookingsWithoutEmailAndNotes() {
      Reservation r = new Reservation(ReservationId.random(), Fixtures.nextCode(), CIVIL, NOVAK, ID_CARD, slot(0), slot(1),
          new Citizen("Jiří Černý", null, null), "Pas", org.civicdiary.booking.model.Channel.PHONE,
          org.civicdiary.booking.model.Language.EN, Status.ACTIVE, NOW, NOW.plusSeconds(1), 3, 2, "Called at 8:05");
      add(r);
      assertThat(storage.reservations().find(r.id())).contains(r);
    }

    @Test
    void anActiveReservationHoldsItsSlotsAgainstAnyOther() {
      Reservation first = reservation(NOVAK, slot(0), 2, "a@example.cz", Status.ACTIVE);
      add(first);
      Reservation overlapping = reservation(NOVAK, slot(1), "b@example.cz");
      assertThatThrownBy(() -> add(overlapping)).isInstanceOf(SlotTaken.class);
      assertThat(storage.reservations().find(overlapping.id())).isEmpty();
      add(reservation(DVORAK, slot(1), "b@example.cz"));
      add(reservation(NOVAK, slot(2), "b@example.cz"));
    }

    @Test
    void aReservationThatIsNotActiveHoldsNothing() {
      add(reservation(NOVAK, slot(0), 1, "a@example.cz", Status.DISPLACED));
      add(reservation(NOVAK, slot(0), 1, "b@example.cz", Status.CANCELLED));
      add(reservation(NOVAK, slot(0), "c@example.cz"));
      assertThat(busyOf(NOVAK)).hasSize(1);
    }

    @Test
    void manageTokensOpenTheirReservation() {
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz");
      add(r);
      storage.transactions().run(() -> {
        storage.reservations().addManageToken(r.id(), "a".repeat(64));
        storage.reservations().addManageToken(r.id(), "b".repeat(64));
      });
      assertThat(storage.reservations().findByManageTokenHash("a".repeat(64))).contains(r);
      assertThat(storage.reservations().findByManageTokenHash("b".repeat(64))).contains(r);
      assertThat(storage.reservations().findByManageTokenHash("c".repeat(64))).isEmpty();
      assertThatThrownBy(() -> storage.transactions().run(
          () -> storage.reservations().addManageToken(ReservationId.random(), "d".repeat(64))))
          .isInstanceOf(NotFound.class);
    }

    @Test
    void anUpdateFromAStaleCopyIsRefusedAndChangesNothing() {
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz");
      add(r);
      Reservation moved = r.movedTo(NOVAK, slot(4), slot(5), null, NOW);
      update(moved);
      Reservation stale = r.withStatus(Status.CANCELLED, null, NOW);
      assertThatThrownBy(() -> update(stale)).isInstanceOf(ConcurrentChange.class);
      assertThat(storage.reservations().find(r.id())).contains(moved);
      assertThat(busyOf(NOVAK)).containsExactly(new BusyTime(NOVAK, slot(4), slot(5)));
    }

    @Test
    void updatingAnUnknownReservationIsNotFound() {
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz").withStatus(Status.CANCELLED, null, NOW);
      assertThatThrownBy(() -> update(r)).isInstanceOf(NotFound.class);
    }

    @Test
    void aMoveReleasesTheOldSlotsAndHoldsTheNew() {
      Reservation r = reservation(NOVAK, slot(0), 2, "a@example.cz", Status.ACTIVE);
      add(r);
      update(r.movedTo(DVORAK, slot(6), slot(8), "moved", NOW));
      assertThat(busyOf(NOVAK)).isEmpty();
      assertThat(busyOf(DVORAK)).containsExactly(new BusyTime(DVORAK, slot(6), slot(8)));
      add(reservation(NOVAK, slot(0), "b@example.cz"));
      assertThatThrownBy(() -> add(reservation(DVORAK, slot(7), "c@example.cz"))).isInstanceOf(SlotTaken.class);
    }

    @Test
    void aMoveOverlappingItsOwnTimeKeepsTheSharedSlots() {
      Reservation r = reservation(NOVAK, slot(0), 2, "a@example.cz", Status.ACTIVE);
      add(r);
      Reservation later = r.movedTo(NOVAK, slot(1), slot(3), null, NOW);
      update(later);
      assertThat(busyOf(NOVAK)).containsExactly(new BusyTime(NOVAK, slot(1), slot(3)));
      Reservation earlier = later.movedTo(NOVAK, slot(0), slot(2), null, NOW);
      update(earlier);
      assertThat(busyOf(NOVAK)).containsExactly(new BusyTime(NOVAK, slot(0), slot(2)));
      add(reservation(NOVAK, slot(2), "b@example.cz"));
    }

    @Test
    void aMoveIntoTakenTimeFailsAndLeavesTheReservationWhereItWas() {
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz");
      Reservation other = reservation(NOVAK, slot(5), "b@example.cz");
      add(r);
      add(other);
      assertThatThrownBy(() -> update(r.movedTo(NOVAK, slot(5), slot(6), null, NOW))).isInstanceOf(SlotTaken.class);
      assertThat(storage.reservations().find(r.id())).contains(r);
      assertThat(busyOf(NOVAK)).containsExactly(new BusyTime(NOVAK, slot(0), slot(1)), new BusyTime(NOVAK, slot(5), slot(6)));
    }

    @Test
    void endingOrDisplacingReleasesTheSlots() {
      Reservation a = reservation(NOVAK, slot(0), "a@example.cz");
      Reservation b = reservation(NOVAK, slot(1), "b@example.cz");
      add(a);
      add(b);
      update(a.withStatus(Status.CANCELLED, "ill", NOW));
      update(b.withStatus(Status.DISPLACED, null, NOW));
      assertThat(busyOf(NOVAK)).isEmpty();
      add(reservation(NOVAK, slot(0), "c@example.cz"));
      add(reservation(NOVAK, slot(1), "d@example.cz"));
    }

    @Test
    void aDisplacedReservationMovedBackHoldsAgain() {
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz");
      add(r);
      Reservation displaced = r.withStatus(Status.DISPLACED, null, NOW);
      update(displaced);
      update(displaced.movedTo(DVORAK, slot(3), slot(4), null, NOW));
      assertThat(busyOf(DVORAK)).containsExactly(new BusyTime(DVORAK, slot(3), slot(4)));
    }

    @Test
    void busyIsActiveTimeOfTheAskedOfficialsOverlappingTheRange() {
      add(reservation(NOVAK, slot(0), 2, "a@example.cz", Status.ACTIVE));
      add(reservation(NOVAK, slot(4), "b@example.cz"));
      add(reservation(DVORAK, slot(0), "c@example.cz"));
      add(reservation(SVOBODA, slot(0), "d@example.cz"));
      assertThat(storage.reservations().busy(List.of(NOVAK), slot(1), slot(4)))
          .containsExactly(new BusyTime(NOVAK, slot(0), slot(2)));
      assertThat(storage.reservations().busy(List.of(NOVAK, DVORAK), slot(0), slot(5)))
          .containsExactlyInAnyOrder(new BusyTime(NOVAK, slot(0), slot(2)), new BusyTime(NOVAK, slot(4), slot(5)),
              new BusyTime(DVORAK, slot(0), slot(1)));
      assertThat(storage.reservations().busy(List.of(NOVAK), slot(2), slot(4))).isEmpty();
    }

    @Test
    void ofOfficialListsEveryStatusOverlappingTheRangeByStart() {
      Reservation later = reservation(NOVAK, slot(3), "a@example.cz");
      Reservation cancelled = reservation(NOVAK, slot(1), 1, "b@example.cz", Status.CANCELLED);
      Reservation outside = reservation(NOVAK, slot(10), "c@example.cz");
      List.of(later, cancelled, outside, reservation(DVORAK, slot(1), "d@example.cz")).forEach(StorageContract.this::add);
      assertThat(storage.reservations().ofOfficial(NOVAK, slot(0), slot(10))).containsExactly(cancelled, later);
    }

    @Test
    void openOfEmailComparesCaseInsensitivelyAndCountsActiveAndDisplaced() {
      Reservation active = reservation(NOVAK, slot(0), "Marie@Example.cz");
      Reservation displaced = reservation(NOVAK, slot(1), 1, "marie@example.cz", Status.DISPLACED);
      List.of(active, displaced, reservation(NOVAK, slot(2), 1, "marie@example.cz", Status.CANCELLED),
          reservation(NOVAK, slot(3), "other@example.cz")).forEach(StorageContract.this::add);
      assertThat(storage.reservations().openOfEmail("MARIE@example.CZ")).containsExactlyInAnyOrder(active, displaced);
      assertThat(storage.reservations().openOfEmail("nobody@example.cz")).isEmpty();
    }

    /** Issue 14 item 6: every spelling of one mailbox finds the same reservations; the address stays as typed. */
    @Test
    void openOfEmailFindsEverySpellingOfOneMailbox() {
      Reservation tagged = reservation(NOVAK, slot(0), "eva.nova+1@gmail.com");
      Reservation dotted = reservation(NOVAK, slot(1), "E.V.A.Nova+2@GoogleMail.com");
      Reservation otherProvider = reservation(NOVAK, slot(2), "eva.nova@example.cz");
      Reservation plusThere = reservation(NOVAK, slot(3), "eva.nova+x@example.cz");
      List.of(tagged, dotted, otherProvider, plusThere).forEach(StorageContract.this::add);
      assertThat(storage.reservations().openOfEmail("evanova@gmail.com")).containsExactlyInAnyOrder(tagged, dotted)
          .extracting(r -> r.citizen().email()).containsExactlyInAnyOrder("eva.nova+1@gmail.com", "E.V.A.Nova+2@GoogleMail.com");
      assertThat(storage.reservations().openOfEmail("Eva.Nova+y@Example.cz")).containsExactlyInAnyOrder(otherProvider, plusThere);
      assertThat(storage.reservations().openOfEmail("evanova@example.cz")).as("dots count outside Gmail").isEmpty();
    }

    /** Issue 14 item 5: the messages citizens' actions send a mailbox, counted per day up to a cap, in the store. */
    @Test
    void countMessageToCountsByMailboxAndDayUpToTheCapAndRollsBack() {
      LocalDate day = LocalDate.of(2027, 3, 2);
      Reservations reservations = storage.reservations();
      storage.transactions().run(() -> {
        reservations.lockOfEmail("eva+1@gmail.com");
        assertThat(reservations.countMessageTo("eva+1@gmail.com", day, 2)).isTrue();
        assertThat(reservations.countMessageTo("E.va@googlemail.com", day, 2)).isTrue();
        assertThat(reservations.countMessageTo("eva@gmail.com", day, 2)).as("the same mailbox, at its cap").isFalse();
        assertThat(reservations.countMessageTo("eva@gmail.com", day.plusDays(1), 2)).as("another day").isTrue();
        assertThat(reservations.countMessageTo("jan@example.cz", day, 2)).as("another mailbox").isTrue();
      });
      assertThatThrownBy(() -> storage.transactions().run(() -> {
        reservations.lockOfEmail("ana@example.cz");
        reservations.countMessageTo("ana@example.cz", day, 1);
        throw new IllegalStateException("rolled back");
      })).hasMessage("rolled back");
      storage.transactions().run(() -> {
        reservations.lockOfEmail("ana@example.cz");
        assertThat(reservations.countMessageTo("ana@example.cz", day, 1)).as("a rolled-back count is gone").isTrue();
        assertThat(reservations.countMessageTo("ana@example.cz", day, 1)).isFalse();
      });
    }

    @Test
    void displacedAreListedEarliestFirst() {
      Reservation late = reservation(NOVAK, slot(9), 1, "a@example.cz", Status.DISPLACED);
      Reservation early = reservation(DVORAK, slot(2), 1, "b@example.cz", Status.DISPLACED);
      List.of(late, early, reservation(NOVAK, slot(0), "c@example.cz")).forEach(StorageContract.this::add);
      assertThat(storage.reservations().displaced()).containsExactly(early, late);
    }

    @Test
    void searchMatchesEveryGivenCriterion() {
      Reservation marie = reservation(NOVAK, slot(0), "marie@example.cz");
      Reservation jan = new Reservation(ReservationId.random(), Fixtures.nextCode(), CIVIL, DVORAK, ID_CARD, slot(4), slot(5),
          new Citizen("Jan Veselý", "jan@example.cz", "+420 777 000 111"), "Pas",
          org.civicdiary.booking.model.Channel.PHONE, org.civicdiary.booking.model.Language.CS,
          Status.CANCELLED, NOW, NOW, 0, 0, null);
      Reservation petr = reservation(SVOBODA, slot(8), "petr@example.cz");
      List.of(petr, jan, marie).forEach(StorageContract.this::add);
      assertThat(search(null, null, null, null, null, null, 10)).containsExactly(marie, jan, petr);
      assertThat(search("VESEL", null, null, null, null, null, 10)).containsExactly(jan);
      assertThat(search("marie@", null, null, null, null, null, 10)).containsExactly(marie);
      assertThat(search("777 000", null, null, null, null, null, 10)).containsExactly(jan);
      assertThat(search(null, CIVIL, null, null, null, null, 10)).containsExactly(marie, jan);
      assertThat(search(null, null, SVOBODA, null, null, null, 10)).containsExactly(petr);
      assertThat(search(null, null, null, Status.CANCELLED, null, null, 10)).containsExactly(jan);
      assertThat(search(null, null, null, null, slot(1), slot(8), 10)).containsExactly(jan);
      assertThat(search(null, null, null, null, null, null, 2)).containsExactly(marie, jan);
    }

    private List<Reservation> search(String text, DepartmentId d, OfficialId o, Status s, Instant from, Instant to, int limit) {
      return storage.reservations().search(new ReservationSearch(text, d, o, s, from, to, limit));
    }

    @Test
    void anonymisesReservationsThatEndedBeforeTheCutoffOnce() {
      Reservation old = reservation(NOVAK, slot(0), 1, "a@example.cz", Status.COMPLETED);
      Reservation recent = reservation(NOVAK, slot(8), "b@example.cz");
      add(old);
      add(recent);
      Instant now = slot(20);
      assertThat(tx(() -> storage.reservations().anonymiseEndedBefore(slot(4), now))).isEqualTo(1);
      Reservation anonymised = storage.reservations().find(old.id()).orElseThrow();
      assertThat(anonymised).isEqualTo(old.anonymised(now));
      assertThat(anonymised.citizen()).isEqualTo(Citizen.anonymised());
      assertThat(anonymised.topic()).isEmpty();
      assertThat(storage.reservations().find(recent.id())).contains(recent);
      assertThat(tx(() -> storage.reservations().anonymiseEndedBefore(slot(4), now))).isZero();
      assertThat(storage.reservations().openOfEmail("a@example.cz")).isEmpty();
    }
  }

  @Nested
  class OutboxContract {
    private OutboxMessage message(Instant due) {
      return OutboxMessage.about(reservation(NOVAK, slot(0), "a@example.cz"), MessageKind.CONFIRMATION, NOW, due);
    }

    private void put(OutboxMessage... messages) {
      storage.transactions().run(() -> List.of(messages).forEach(storage.outbox()::add));
    }

    @Test
    void keepsEveryField() {
      OutboxMessage m = new OutboxMessage(MessageId.random(), MessageKind.CANCELLED_BY_OFFICE, ReservationId.random(),
          DVORAK, slot(1), slot(3), 4, "Úředník onemocněl", NOW, NOW.plusSeconds(60), DeliveryState.PENDING, 0, null);
      put(m);
      assertThat(storage.outbox().find(m.id())).contains(m);
      assertThat(storage.outbox().find(MessageId.random())).isEmpty();
    }

    @Test
    void remembersTheChannelsThatDeliveredAMessageAcrossRetriesAndRelease() {
      OutboxMessage m = message(NOW);
      put(m);
      storage.transactions().run(() -> storage.outbox().markDelivered(m.id(), "smtp"));
      storage.transactions().run(() -> storage.outbox().markDelivered(m.id(), "smtp"));
      storage.transactions().run(() -> storage.outbox().retryLater(m.id(), NOW.plusSeconds(60), "sms: down"));
      assertThat(storage.outbox().find(m.id()).orElseThrow().delivered()).containsExactly("smtp");
      storage.transactions().run(() -> storage.outbox().markDelivered(m.id(), "sms"));
      storage.transactions().run(() -> storage.outbox().park(m.id(), "push: down"));
      storage.transactions().run(() -> storage.outbox().release(m.id(), NOW));
      assertThat(storage.outbox().find(m.id()).orElseThrow().delivered()).containsExactlyInAnyOrder("smtp", "sms");
      assertThat(storage.outbox().find(m.id()).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> storage.transactions().run(() -> storage.outbox().markDelivered(MessageId.random(), "smtp")))
          .isInstanceOf(org.civicdiary.booking.error.NotFound.class);
    }

    @Test
    void claimsDuePendingMessagesEarliestFirstAndLeasesThem() {
      OutboxMessage second = message(NOW.minusSeconds(10));
      OutboxMessage first = message(NOW.minusSeconds(20));
      OutboxMessage notYet = message(NOW.plusSeconds(30));
      OutboxMessage third = message(NOW);
      put(second, first, notYet, third);
      Duration lease = Duration.ofMinutes(5);
      List<OutboxMessage> claimed = tx(() -> storage.outbox().claim(2, NOW, lease));
      assertThat(claimed).extracting(OutboxMessage::id).containsExactly(first.id(), second.id());
      assertThat(claimed).allSatisfy(m -> {
        assertThat(m.attempts()).isEqualTo(1);
        assertThat(m.dueAt()).isEqualTo(NOW.plus(lease));
      });
      assertThat(storage.outbox().find(first.id())).contains(claimed.get(0));
      assertThat(tx(() -> storage.outbox().claim(10, NOW, lease))).extracting(OutboxMessage::id).containsExactly(third.id());
      assertThat(tx(() -> storage.outbox().claim(10, NOW, lease))).isEmpty();
      assertThat(tx(() -> storage.outbox().claim(10, NOW.plus(lease), lease))).extracting(OutboxMessage::id)
          .containsExactlyInAnyOrder(first.id(), second.id(), third.id(), notYet.id());
    }

    @Test
    void aRenewedLeaseKeepsTheMessageFromOtherWorkersUntilTheRenewalEnds() {
      OutboxMessage m = message(NOW);
      put(m);
      MutableClock clock = new MutableClock(NOW);
      Duration lease = Duration.ofSeconds(30);
      tx(() -> storage.outbox().claim(1, clock.instant(), lease));
      clock.advance(Duration.ofSeconds(20)); // a slow channel: the worker is still sending
      assertThat(tx(() -> storage.outbox().renew(List.of(m.id()), clock.instant(), lease))).isEqualTo(1);
      assertThat(storage.outbox().find(m.id()).orElseThrow().dueAt()).isEqualTo(NOW.plusSeconds(50));
      clock.advance(Duration.ofSeconds(29));
      assertThat(tx(() -> storage.outbox().claim(10, clock.instant(), lease))).as("renewed, still held").isEmpty();
      clock.advance(Duration.ofSeconds(1)); // no renewal came: the worker died
      List<OutboxMessage> takenOver = tx(() -> storage.outbox().claim(10, clock.instant(), lease));
      assertThat(takenOver).extracting(OutboxMessage::id).containsExactly(m.id());
      assertThat(takenOver.get(0).attempts()).isEqualTo(2);
      assertThat(takenOver.get(0).dueAt()).isEqualTo(NOW.plusSeconds(80));
    }

    @Test
    void anEndedLeaseIsNotRenewed() {
      OutboxMessage m = message(NOW);
      OutboxMessage held = message(NOW);
      put(m, held);
      MutableClock clock = new MutableClock(NOW);
      Duration lease = Duration.ofSeconds(30);
      tx(() -> storage.outbox().claim(10, clock.instant(), lease));
      clock.advance(Duration.ofSeconds(10));
      tx(() -> storage.outbox().renew(List.of(held.id()), clock.instant(), lease));
      clock.advance(Duration.ofSeconds(25)); // m's lease ended; another worker may hold it by now
      assertThat(tx(() -> storage.outbox().renew(List.of(m.id(), held.id()), clock.instant(), lease))).isEqualTo(1);
      assertThat(storage.outbox().find(m.id()).orElseThrow().dueAt()).isEqualTo(NOW.plus(lease));
      assertThat(storage.outbox().find(held.id()).orElseThrow().dueAt()).isEqualTo(clock.instant().plus(lease));
      assertThat(tx(() -> storage.outbox().renew(List.of(), clock.instant(), lease))).isZero();
    }

    @Test
    void aRenewalLeavesMarkedMessagesAlone() {
      OutboxMessage sent = message(NOW);
      OutboxMessage retried = message(NOW);
      OutboxMessage parked = message(NOW);
      put(sent, retried, parked);
      MutableClock clock = new MutableClock(NOW);
      Duration lease = Duration.ofSeconds(30);
      tx(() -> storage.outbox().claim(10, clock.instant(), lease));
      clock.advance(Duration.ofSeconds(5));
      storage.transactions().run(() -> {
        storage.outbox().markSent(sent.id(), clock.instant());
        storage.outbox().retryLater(retried.id(), NOW.plus(Duration.ofHours(1)), "421 try later");
        storage.outbox().park(parked.id(), "550 no such user");
      });
      // a heartbeat that read its list before the marks: a retry's longer wait stands
      assertThat(tx(() -> storage.outbox().renew(List.of(sent.id(), retried.id(), parked.id(), MessageId.random()),
          clock.instant(), lease))).isEqualTo(1);
      assertThat(storage.outbox().find(sent.id()).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
      assertThat(storage.outbox().find(parked.id()).orElseThrow().state()).isEqualTo(DeliveryState.PARKED);
      assertThat(storage.outbox().find(retried.id()).orElseThrow().dueAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aSentMessageIsNeverClaimedAgain() {
      OutboxMessage m = message(NOW);
      put(m);
      tx(() -> storage.outbox().claim(1, NOW, Duration.ofSeconds(30)));
      storage.transactions().run(() -> storage.outbox().markSent(m.id(), NOW));
      assertThat(storage.outbox().find(m.id()).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
      assertThat(tx(() -> storage.outbox().claim(10, NOW.plus(Duration.ofDays(1)), Duration.ofSeconds(30)))).isEmpty();
      assertThat(storage.outbox().pendingCount()).isZero();
    }

    @Test
    void retriesLaterParksAndReleases() {
      OutboxMessage m = message(NOW);
      put(m);
      tx(() -> storage.outbox().claim(1, NOW, Duration.ofSeconds(30)));
      storage.transactions().run(() -> storage.outbox().retryLater(m.id(), NOW.plusSeconds(120), "421 try later"));
      OutboxMessage retried = storage.outbox().find(m.id()).orElseThrow();
      assertThat(retried.state()).isEqualTo(DeliveryState.PENDING);
      assertThat(retried.dueAt()).isEqualTo(NOW.plusSeconds(120));
      assertThat(retried.lastError()).isEqualTo("421 try later");
      assertThat(retried.attempts()).isEqualTo(1);
      assertThat(tx(() -> storage.outbox().claim(10, NOW.plusSeconds(119), Duration.ofSeconds(30)))).isEmpty();
      storage.transactions().run(() -> storage.outbox().park(m.id(), "550 no such user"));
      assertThat(storage.outbox().parked()).extracting(OutboxMessage::id).containsExactly(m.id());
      assertThat(storage.outbox().pendingCount()).isZero();
      assertThat(tx(() -> storage.outbox().claim(10, NOW.plus(Duration.ofDays(1)), Duration.ofSeconds(30)))).isEmpty();
      storage.transactions().run(() -> storage.outbox().release(m.id(), NOW.plusSeconds(300)));
      OutboxMessage released = storage.outbox().find(m.id()).orElseThrow();
      assertThat(released.state()).isEqualTo(DeliveryState.PENDING);
      assertThat(released.attempts()).isZero();
      assertThat(released.dueAt()).isEqualTo(NOW.plusSeconds(300));
      assertThat(storage.outbox().parked()).isEmpty();
      assertThat(storage.outbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void changingAnUnknownMessageIsNotFound() {
      MessageId unknown = MessageId.random();
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().markSent(unknown, NOW))).isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().retryLater(unknown, NOW, "x"))).isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().park(unknown, "x"))).isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.outbox().release(unknown, NOW))).isInstanceOf(NotFound.class);
    }

    @Test
    void removesOnlyMessagesSentBeforeTheCutoff() {
      OutboxMessage sentEarly = message(NOW);
      OutboxMessage sentLate = message(NOW);
      OutboxMessage pending = message(NOW.minus(Duration.ofDays(400)));
      OutboxMessage parked = message(NOW.minus(Duration.ofDays(400)));
      put(sentEarly, sentLate, pending, parked);
      storage.transactions().run(() -> {
        storage.outbox().markSent(sentEarly.id(), NOW.minus(Duration.ofDays(31)));
        storage.outbox().markSent(sentLate.id(), NOW.minus(Duration.ofDays(29)));
        storage.outbox().park(parked.id(), "550 no such user");
      });

      assertThat(tx(() -> storage.outbox().removeSentBefore(NOW.minus(Duration.ofDays(30))))).isEqualTo(1);

      assertThat(storage.outbox().find(sentEarly.id())).isEmpty();
      assertThat(storage.outbox().find(sentLate.id())).isPresent();
      assertThat(storage.outbox().find(pending.id())).isPresent();
      assertThat(storage.outbox().parked()).extracting(OutboxMessage::id).containsExactly(parked.id());
      assertThat(tx(() -> storage.outbox().removeSentBefore(NOW.minus(Duration.ofDays(30))))).as("again").isZero();
    }

    @Test
    void aRemovalRolledBackKeepsTheMessages() {
      OutboxMessage sent = message(NOW);
      put(sent);
      storage.transactions().run(() -> storage.outbox().markSent(sent.id(), NOW.minus(Duration.ofDays(60))));
      assertThatThrownBy(() -> storage.transactions().run(() -> {
        assertThat(storage.outbox().removeSentBefore(NOW)).isEqualTo(1);
        throw new IllegalStateException("rolled back");
      })).hasMessage("rolled back");
      assertThat(storage.outbox().find(sent.id())).isPresent();
    }

    @Test
    void workersClaimingAtOnceNeverGetTheSameMessage() throws Exception {
      List<OutboxMessage> messages = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        messages.add(message(NOW.minusSeconds(i)));
      }
      put(messages.toArray(OutboxMessage[]::new));
      Set<MessageId> claimed = ConcurrentHashMap.newKeySet();
      List<MessageId> duplicates = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          workers.add(pool.submit(() -> {
            start.await();
            List<OutboxMessage> batch;
            do {
              batch = tx(() -> storage.outbox().claim(7, NOW, Duration.ofHours(1)));
              for (OutboxMessage m : batch) {
                if (!claimed.add(m.id())) {
                  duplicates.add(m.id());
                }
              }
            } while (!batch.isEmpty());
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : workers) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(duplicates).isEmpty();
      assertThat(claimed).hasSize(200);
    }
  }

  @Nested
  class AuditLogContract {
    @Test
    void listsTheLatestFirst() {
      AuditEntry first = new AuditEntry(NOW, "operator1", "reservation.move", "r-1", "status=ACTIVE", "status=ACTIVE start=x");
      AuditEntry second = new AuditEntry(NOW.plusSeconds(1), "admin", "absence.record", "a-1", null, "ILLNESS");
      AuditEntry third = new AuditEntry(NOW.plusSeconds(2), "admin", "absence.remove", "a-1", "ILLNESS", null);
      storage.transactions().run(() -> List.of(first, second, third).forEach(storage.auditLog()::record));
      assertThat(storage.auditLog().latest(2)).containsExactly(third, second);
      assertThat(storage.auditLog().latest(10)).containsExactly(third, second, first);
    }

    @Test
    void removesOnlyEntriesRecordedBeforeTheCutoff() {
      AuditEntry old = new AuditEntry(NOW.minus(Duration.ofDays(800)), "admin", "office.save", "town", null, "x");
      AuditEntry atCutoff = new AuditEntry(NOW.minus(Duration.ofDays(730)), "admin", "office.save", "town", "x", "y");
      AuditEntry recent = new AuditEntry(NOW.minus(Duration.ofDays(1)), "operator1", "reservation.cancel", "r-1",
          "status=ACTIVE", "status=CANCELLED");
      storage.transactions().run(() -> List.of(old, atCutoff, recent).forEach(storage.auditLog()::record));

      assertThat(tx(() -> storage.auditLog().removeBefore(NOW.minus(Duration.ofDays(730))))).isEqualTo(1);

      assertThat(storage.auditLog().latest(10)).containsExactly(recent, atCutoff);
      assertThatThrownBy(() -> storage.transactions().run(() -> {
        storage.auditLog().removeBefore(NOW);
        throw new IllegalStateException("rolled back");
      })).hasMessage("rolled back");
      assertThat(storage.auditLog().latest(10)).as("after a rollback").containsExactly(recent, atCutoff);
    }
  }

  @Nested
  class IdempotencyKeysContract {
    @Test
    void keepsTheFirstAnswerUntilItExpires() {
      StoredResponse r = new StoredResponse("key-1", "hash", 201, "{\"id\":\"x\"}", NOW.plusSeconds(60));
      storage.transactions().run(() -> storage.idempotencyKeys().save(r, NOW));
      assertThat(storage.idempotencyKeys().find("key-1", NOW)).contains(r);
      assertThat(storage.idempotencyKeys().find("key-1", NOW.plusSeconds(60))).isEmpty();
      assertThat(storage.idempotencyKeys().find("key-2", NOW)).isEmpty();
    }

    @Test
    void aSecondAnswerUnderALiveKeyIsRefused() {
      StoredResponse r = new StoredResponse("key-1", "hash", 201, "{}", NOW.plusSeconds(60));
      storage.transactions().run(() -> storage.idempotencyKeys().save(r, NOW));
      StoredResponse other = new StoredResponse("key-1", "other", 409, "{}", NOW.plusSeconds(90));
      assertThatThrownBy(() -> storage.transactions().run(() -> storage.idempotencyKeys().save(other, NOW)))
          .isInstanceOf(ConcurrentChange.class);
      assertThat(storage.idempotencyKeys().find("key-1", NOW)).contains(r);
      storage.transactions().run(() -> storage.idempotencyKeys().save(other, NOW.plusSeconds(61)));
      assertThat(storage.idempotencyKeys().find("key-1", NOW.plusSeconds(61))).contains(other);
    }

    @Test
    void removesExpiredAnswers() {
      storage.transactions().run(() -> {
        storage.idempotencyKeys().save(new StoredResponse("a", "h", 201, "{}", NOW.plusSeconds(10)), NOW);
        storage.idempotencyKeys().save(new StoredResponse("b", "h", 201, "{}", NOW.plusSeconds(100)), NOW);
      });
      assertThat(tx(() -> storage.idempotencyKeys().removeExpired(NOW.plusSeconds(50)))).isEqualTo(1);
      assertThat(storage.idempotencyKeys().find("b", NOW.plusSeconds(50))).isPresent();
    }
  }

  @Nested
  class StaffAccountsContract {
    @Test
    void keepsAccountsByUserName() {
      StaffAccount official = new StaffAccount("novak", "pbkdf2$1$salt$hash", Role.OFFICIAL, NOVAK, true);
      StaffAccount admin = new StaffAccount("admin", "pbkdf2$1$salt$hash2", Role.ADMIN, null, true);
      storage.transactions().run(() -> {
        storage.staffAccounts().save(official);
        storage.staffAccounts().save(admin);
      });
      assertThat(storage.staffAccounts().find("novak")).contains(official);
      assertThat(storage.staffAccounts().find("Novak")).isEmpty();
      assertThat(storage.staffAccounts().all()).containsExactly(admin, official);
      StaffAccount disabled = new StaffAccount("novak", "pbkdf2$1$salt$other", Role.OPERATOR, null, false);
      storage.transactions().run(() -> storage.staffAccounts().save(disabled));
      assertThat(storage.staffAccounts().find("novak")).contains(disabled);
    }

    @Test
    void keepsSessionsUntilTheyExpireOrEnd() {
      storage.transactions().run(() -> storage.staffAccounts().save(
          new StaffAccount("admin", "pbkdf2$1$salt$hash", Role.ADMIN, null, true)));
      StaffSession s = session("s", "f", "admin", NOW.plusSeconds(1800), NOW.plusSeconds(3600));
      StaffSession old = session("old", "e", "admin", NOW.plusSeconds(10), NOW.plusSeconds(10));
      storage.transactions().run(() -> {
        storage.staffAccounts().add(s);
        storage.staffAccounts().add(old);
      });
      assertThat(storage.staffAccounts().session(s.tokenHash(), NOW)).contains(s);
      assertThat(storage.staffAccounts().session(old.tokenHash(), NOW.plusSeconds(10))).isEmpty();
      assertThat(tx(() -> storage.staffAccounts().removeExpiredSessions(NOW.plusSeconds(20)))).isEqualTo(1);
      storage.transactions().run(() -> storage.staffAccounts().endSession(s.tokenHash()));
      storage.transactions().run(() -> storage.staffAccounts().endSession("0".repeat(64)));
      assertThat(storage.staffAccounts().session(s.tokenHash(), NOW)).isEmpty();
    }

    @Test
    void aSessionEndsWhenIdleUnlessUsedAndAtItsLifetimeWhateverTheUse() {
      storage.transactions().run(() -> storage.staffAccounts().save(
          new StaffAccount("admin", "pbkdf2$1$salt$hash", Role.ADMIN, null, true, true)));
      assertThat(storage.staffAccounts().find("admin").orElseThrow().mustChangePassword()).isTrue();
      StaffSession s = session("s", "f", "admin", NOW.plusSeconds(1800), NOW.plusSeconds(3600));
      storage.transactions().run(() -> storage.staffAccounts().add(s));
      assertThat(storage.staffAccounts().session(s.tokenHash(), NOW.plusSeconds(1800))).as("idle too long").isEmpty();

      storage.transactions().run(() -> storage.staffAccounts().touch(s.tokenHash(), NOW.plusSeconds(1500),
          NOW.plusSeconds(3300)));
      assertThat(storage.staffAccounts().session(s.tokenHash(), NOW.plusSeconds(1800))).hasValueSatisfying(found -> {
        assertThat(found.lastSeenAt()).isEqualTo(NOW.plusSeconds(1500));
        assertThat(found.idleUntil()).isEqualTo(NOW.plusSeconds(3300));
        assertThat(found.client()).isEqualTo("192.0.2.x");
        assertThat(found.userAgent()).isEqualTo("Firefox 140 on Linux");
      });
      assertThat(tx(() -> storage.staffAccounts().removeExpiredSessions(NOW.plusSeconds(1800)))).isZero();
      assertThat(storage.staffAccounts().session(s.tokenHash(), NOW.plusSeconds(3300))).isEmpty();
      assertThat(tx(() -> storage.staffAccounts().removeExpiredSessions(NOW.plusSeconds(3300)))).isEqualTo(1);
      storage.transactions().run(() -> storage.staffAccounts().touch("0".repeat(64), NOW, NOW));
    }

    @Test
    void listsAnAccountsOpenSessionsAndEndsThemAllButOne() {
      storage.transactions().run(() -> {
        storage.staffAccounts().save(new StaffAccount("admin", "pbkdf2$1$salt$hash", Role.ADMIN, null, true));
        storage.staffAccounts().save(new StaffAccount("olga", "pbkdf2$1$salt$hash", Role.OPERATOR, null, true));
      });
      StaffSession second = session("b", "b", "admin", NOW.plusSeconds(1800), NOW.plusSeconds(3600));
      StaffSession first = new StaffSession("a", "a".repeat(64), "admin", NOW.minusSeconds(60), NOW.minusSeconds(60),
          NOW.plusSeconds(600), NOW.plusSeconds(3600), null, null);
      StaffSession idle = session("c", "c", "admin", NOW, NOW.plusSeconds(3600));
      StaffSession olgas = session("d", "d", "olga", NOW.plusSeconds(1800), NOW.plusSeconds(3600));
      storage.transactions().run(() -> List.of(second, first, idle, olgas).forEach(storage.staffAccounts()::add));

      assertThat(storage.staffAccounts().sessions("admin", NOW)).as("open ones, oldest first").containsExactly(first, second);
      assertThat(tx(() -> storage.staffAccounts().endSessions("admin", second.tokenHash()))).isEqualTo(2);
      assertThat(storage.staffAccounts().sessions("admin", NOW)).containsExactly(second);
      assertThat(tx(() -> storage.staffAccounts().endSessions("admin", null))).isEqualTo(1);
      assertThat(storage.staffAccounts().sessions("admin", NOW)).isEmpty();
      assertThat(storage.staffAccounts().sessions("olga", NOW)).containsExactly(olgas);
    }

    private StaffSession session(String id, String hashLetter, String username, Instant idleUntil, Instant expiresAt) {
      return new StaffSession(id, hashLetter.repeat(64), username, NOW, NOW, idleUntil, expiresAt, "192.0.2.x",
          "Firefox 140 on Linux");
    }
  }

  @Nested
  class TransactionsContract {
    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz");
      OutboxMessage m = OutboxMessage.about(r, MessageKind.CONFIRMATION, NOW, NOW);
      Absence a = absence(DVORAK, slot(0), slot(4));
      assertThatThrownBy(() -> storage.transactions().run(() -> {
        storage.reservations().add(r, SLOT);
        storage.reservations().addManageToken(r.id(), "a".repeat(64));
        storage.outbox().add(m);
        storage.diaries().add(a);
        storage.auditLog().record(new AuditEntry(NOW, "admin", "x", "y", null, null));
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      assertThat(storage.reservations().find(r.id())).isEmpty();
      assertThat(storage.reservations().findByManageTokenHash("a".repeat(64))).isEmpty();
      assertThat(storage.outbox().find(m.id())).isEmpty();
      assertThat(storage.diaries().absence(a.id())).isEmpty();
      assertThat(storage.auditLog().latest(10)).isEmpty();
      assertThat(busyOf(NOVAK)).isEmpty();
      add(reservation(NOVAK, slot(0), "b@example.cz"));
    }

    @Test
    void aFailedUpdateIsUndoneWithItsUnitOfWork() {
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz");
      add(r);
      assertThatThrownBy(() -> storage.transactions().run(() -> {
        storage.reservations().update(r.movedTo(DVORAK, slot(5), slot(6), null, NOW), SLOT);
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      assertThat(storage.reservations().find(r.id())).contains(r);
      assertThat(busyOf(NOVAK)).containsExactly(new BusyTime(NOVAK, slot(0), slot(1)));
      assertThat(busyOf(DVORAK)).isEmpty();
    }

    @Test
    void anInnerUnitOfWorkJoinsTheOuterOne() {
      Reservation r = reservation(NOVAK, slot(0), "a@example.cz");
      assertThatThrownBy(() -> storage.transactions().run(() -> {
        storage.transactions().run(() -> storage.reservations().add(r, SLOT));
        throw new IllegalStateException("outer fails after inner returned");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(storage.reservations().find(r.id())).isEmpty();
    }

    @Test
    void returnsTheWorksResult() {
      assertThat(storage.transactions().inTransaction(() -> 42)).isEqualTo(42);
    }
  }

  private static Absence absence(OfficialId official, Instant start, Instant end) {
    return new Absence(AbsenceId.random(), official, start, end, AbsenceKind.ILLNESS, "nemoc");
  }
}
