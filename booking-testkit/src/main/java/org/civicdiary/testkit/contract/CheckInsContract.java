/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.SVOBODA;
import static org.civicdiary.testkit.contract.Fixtures.TRADE;
import static org.civicdiary.testkit.contract.Fixtures.TUESDAY_10;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.Waited;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.NowServing;
import org.civicdiary.booking.usecase.StatisticsQuery;
import org.civicdiary.booking.usecase.Visit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Check-in at the reception: how storage keeps one check-in a reservation (under concurrency too),
 * and what the reception and the official may do with it. "Today" is Monday 1 March 2027 (the
 * fixtures' now). An adapter's test extends this class and returns a new, empty storage from
 * {@link #emptyStorage()}.
 */
public abstract class CheckInsContract {
  private static final StaffMember RECEPTION = new StaffMember("rita.reception", Role.RECEPTION, null);
  private static final StaffMember OTHER_RECEPTION = new StaffMember("rudolf.reception", Role.RECEPTION, null);
  private static final StaffMember OPERATOR = new StaffMember("olga.operator", Role.OPERATOR, null);
  private static final StaffMember NOVAK_HIMSELF = new StaffMember("jan.novak", Role.OFFICIAL, NOVAK);
  private static final StaffMember SVOBODA_HIMSELF = new StaffMember("petr.svoboda", Role.OFFICIAL, SVOBODA);
  /** Monday 1 March 2027, 10:00 Prague time: a slot of today. */
  private static final Instant TODAY_10 = ZonedDateTime.of(2027, 3, 1, 10, 0, 0, 0, Office.DEFAULT_ZONE).toInstant();
  protected Storage storage;
  private MutableClock clock;
  private CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    clock = new MutableClock(NOW);
    diary = CivicDiary.builder().storage(storage).clock(clock).random(new SecureRandom()).build();
  }

  private Reservation stored(Reservation r) {
    storage.transactions().run(() -> storage.reservations().add(r, SLOT));
    return r;
  }

  private Reservation today(int slot) {
    return stored(Fixtures.reservation(NOVAK, TODAY_10.plus(SLOT.multipliedBy(slot)), "today" + slot + "@example.cz"));
  }

  @Test
  void storageKeepsOneCheckInAReservationAndItsTimes() {
    Reservation r = today(0);
    Instant arrived = NOW.plusSeconds(60).plusNanos(123_000);
    CheckIn first = CheckIn.arrived(r.id(), arrived, "rita.reception");

    assertThat(storage.checkIns().add(first)).isTrue();
    assertThat(storage.checkIns().add(CheckIn.arrived(r.id(), arrived.plusSeconds(5), "someone.else"))).isFalse();
    assertThat(storage.checkIns().find(r.id())).contains(first);

    CheckIn ended = first.started(arrived.plusSeconds(300)).ended(arrived.plusSeconds(900));
    storage.checkIns().update(ended);
    assertThat(storage.checkIns().find(r.id())).contains(ended);
    assertThat(storage.checkIns().of(List.of(r.id(), ReservationId.random()))).containsExactly(ended);
    assertThat(storage.checkIns().of(List.of())).isEmpty();
    assertThat(storage.checkIns().waited(List.of(CIVIL), TODAY_10, TODAY_10.plus(SLOT)))
        .containsExactly(new Waited(CIVIL, r.start(), arrived, arrived.plusSeconds(300)));
    assertThat(storage.checkIns().waited(List.of(TRADE), TODAY_10, TODAY_10.plus(SLOT))).isEmpty();
    assertThat(storage.checkIns().waited(List.of(CIVIL), TODAY_10.plus(SLOT), TODAY_10.plus(SLOT.multipliedBy(2))))
        .isEmpty();
  }

  @Test
  void aReceptionAccountIsKeptWithItsRole() {
    StaffAccount account = new StaffAccount("rita.reception", "hash", Role.RECEPTION, null, true);
    storage.transactions().run(() -> storage.staffAccounts().save(account));

    assertThat(storage.staffAccounts().find("rita.reception").orElseThrow().role()).isEqualTo(Role.RECEPTION);
  }

  @Test
  void storageRefusesACheckInOfNoReservationAndAnUpdateOfNoCheckIn() {
    ReservationId nobody = ReservationId.random();
    assertThatThrownBy(() -> storage.checkIns().add(CheckIn.arrived(nobody, NOW, "rita"))).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> storage.checkIns().update(CheckIn.arrived(today(0).id(), NOW, "rita")))
        .isInstanceOf(NotFound.class);
    assertThat(storage.checkIns().find(nobody)).isEmpty();
  }

  @Test
  void storageForgetsWhoCheckedInBeforeTheCutoffAndKeepsTheTimes() {
    Reservation old = today(0);
    Reservation recent = today(1);
    storage.checkIns().add(CheckIn.arrived(old.id(), NOW, "rita"));
    storage.checkIns().add(CheckIn.arrived(recent.id(), NOW.plusSeconds(600), "rita"));

    assertThat(storage.checkIns().forgetCheckedInBefore(NOW.plusSeconds(1))).isEqualTo(1);

    assertThat(storage.checkIns().find(old.id())).contains(new CheckIn(old.id(), NOW, null, null, null));
    assertThat(storage.checkIns().find(recent.id()).orElseThrow().checkedInBy()).isEqualTo("rita");
  }

  @Test
  void theRetentionJobForgetsWhoCheckedInAndKeepsTheTimes() {
    Reservation r = today(3);
    diary.checkingIn().checkIn(RECEPTION, r.id());
    diary.checkingIn().start(NOVAK_HIMSELF, r.id());
    clock.advance(Duration.ofDays(Fixtures.office().policy().retentionDays() + 1));

    diary.anonymising().run();

    CheckIn kept = storage.checkIns().find(r.id()).orElseThrow();
    assertThat(kept.checkedInBy()).isNull();
    assertThat(kept.arrivedAt()).isEqualTo(NOW);
    assertThat(kept.startedAt()).isEqualTo(NOW);
    assertThat(storage.reservations().find(r.id()).orElseThrow().citizen().name()).doesNotContain("Marie");
  }

  @Test
  void theReceptionChecksInByBookingCodeAtTheClocksTime() {
    Reservation r = today(2);
    clock.advance(Duration.ofMinutes(50));

    Visit visit = diary.checkingIn().checkIn(RECEPTION, r.code());

    assertThat(visit.reservation().id()).isEqualTo(r.id());
    assertThat(visit.checkIn()).isEqualTo(CheckIn.arrived(r.id(), NOW.plus(Duration.ofMinutes(50)), RECEPTION.username()));
    assertThat(storage.checkIns().find(r.id())).contains(visit.checkIn());
    assertThat(storage.auditLog().latest(5)).anyMatch(e -> e.action().equals("reservation.check-in"));
  }

  @Test
  void checkingInTwiceACancelledOrDisplacedOneOrOneOfAnotherDayIsRefusedAndChangesNothing() {
    Reservation twice = today(0);
    diary.checkingIn().checkIn(RECEPTION, twice.id());
    Reservation cancelled = stored(Fixtures.reservation(NOVAK, TODAY_10.plus(SLOT), 1, "c@example.cz", Status.CANCELLED));
    Reservation displaced = stored(Fixtures.reservation(NOVAK, TODAY_10.plus(SLOT.multipliedBy(2)), 1, "d@example.cz",
        Status.DISPLACED));
    Reservation tomorrow = stored(Fixtures.reservation(NOVAK, TUESDAY_10, "t@example.cz"));
    int audited = storage.auditLog().latest(100).size();

    assertThatThrownBy(() -> diary.checkingIn().checkIn(OTHER_RECEPTION, twice.code()))
        .isInstanceOf(StateConflict.class).hasMessageContaining("checked in already");
    assertThatThrownBy(() -> diary.checkingIn().checkIn(RECEPTION, cancelled.id()))
        .isInstanceOf(StateConflict.class).hasMessageContaining("CANCELLED");
    assertThatThrownBy(() -> diary.checkingIn().checkIn(RECEPTION, displaced.code()))
        .isInstanceOf(StateConflict.class).hasMessageContaining("DISPLACED");
    assertThatThrownBy(() -> diary.checkingIn().checkIn(RECEPTION, tomorrow.code()))
        .isInstanceOf(StateConflict.class).hasMessageContaining("2027-03-02, not today");
    assertThatThrownBy(() -> diary.checkingIn().checkIn(RECEPTION, Fixtures.nextCode()))
        .isInstanceOf(NotFound.class);

    assertThat(storage.checkIns().find(twice.id()).orElseThrow().checkedInBy()).isEqualTo(RECEPTION.username());
    assertThat(storage.checkIns().of(List.of(cancelled.id(), displaced.id(), tomorrow.id()))).isEmpty();
    assertThat(storage.auditLog().latest(100)).hasSize(audited);
  }

  @Test
  void twoReceptionistsCheckingInTheSameCitizenAtOnceRecordOneArrival() throws Exception {
    for (int round = 0; round < 5; round++) {
      Reservation r = today(round);
      AtomicInteger checkedIn = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      ConcurrencyContract.race(2, () -> {
        StaffMember who = next.getAndIncrement() == 0 ? RECEPTION : OTHER_RECEPTION;
        try {
          diary.checkingIn().checkIn(who, r.code());
          checkedIn.incrementAndGet();
        } catch (StateConflict e) {
          refused.incrementAndGet();
        } catch (RuntimeException e) {
          unexpected.add(e);
        }
      });
      assertThat(unexpected).isEmpty();
      assertThat(checkedIn.get()).isEqualTo(1);
      assertThat(refused.get()).isEqualTo(1);
      assertThat(storage.checkIns().of(List.of(r.id()))).hasSize(1);
    }
  }

  @Test
  void theOfficialStartsAndEndsTheMeetingWhichCompletesTheReservation() {
    Reservation r = today(4);
    diary.checkingIn().checkIn(RECEPTION, r.id());
    clock.advance(Duration.ofMinutes(7));

    assertThat(diary.handlingReservations().dayPlan(NOVAK_HIMSELF, NOVAK, LocalDate.of(2027, 3, 1)).checkIns())
        .extracting(CheckIn::reservation, CheckIn::waiting).containsExactly(org.assertj.core.groups.Tuple.tuple(r.id(), true));
    Visit started = diary.checkingIn().start(NOVAK_HIMSELF, r.id());
    assertThat(started.checkIn().waited()).isEqualTo(Duration.ofMinutes(7));
    assertThat(diary.checkingIn().nowServing(null).called())
        .containsExactly(new NowServing.Called(r.code(), "dveře 101", NOW.plus(Duration.ofMinutes(7))));
    clock.advance(Duration.ofMinutes(12));

    Visit ended = diary.checkingIn().end(NOVAK_HIMSELF, r.id());

    assertThat(ended.reservation().status()).isEqualTo(Status.COMPLETED);
    assertThat(storage.reservations().find(r.id()).orElseThrow().status()).isEqualTo(Status.COMPLETED);
    assertThat(storage.checkIns().find(r.id()).orElseThrow().endedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(19)));
    assertThat(diary.checkingIn().nowServing(null).called()).isEmpty();
    assertThatThrownBy(() -> diary.checkingIn().end(NOVAK_HIMSELF, r.id())).isInstanceOf(StateConflict.class);
  }

  @Test
  void startAndEndAreRefusedOutOfOrderAndOutsideTheOwnDiary() {
    Reservation r = today(5);
    assertThatThrownBy(() -> diary.checkingIn().start(NOVAK_HIMSELF, r.id()))
        .isInstanceOf(StateConflict.class).hasMessageContaining("not checked in");
    diary.checkingIn().checkIn(RECEPTION, r.id());
    assertThatThrownBy(() -> diary.checkingIn().end(NOVAK_HIMSELF, r.id()))
        .isInstanceOf(StateConflict.class).hasMessageContaining("not started");
    assertThatThrownBy(() -> diary.checkingIn().start(SVOBODA_HIMSELF, r.id())).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.checkingIn().start(RECEPTION, r.id())).isInstanceOf(NotPermitted.class);
    assertThat(storage.checkIns().find(r.id()).orElseThrow().waiting()).isTrue();

    diary.checkingIn().start(OPERATOR, r.id());
    assertThatThrownBy(() -> diary.checkingIn().start(NOVAK_HIMSELF, r.id()))
        .isInstanceOf(StateConflict.class).hasMessageContaining("started already");
    assertThat(storage.reservations().find(r.id()).orElseThrow().status()).isEqualTo(Status.ACTIVE);
  }

  @Test
  void theReceptionSeesTodaysBookedCitizensAndNothingElse() {
    Reservation later = today(6);
    Reservation earlier = today(1);
    Reservation trade = stored(Fixtures.reservation(SVOBODA, TODAY_10, "trade@example.cz"));
    stored(Fixtures.reservation(NOVAK, TODAY_10.plus(SLOT.multipliedBy(3)), 1, "c@example.cz", Status.CANCELLED));
    stored(Fixtures.reservation(NOVAK, TUESDAY_10, "t@example.cz"));
    diary.checkingIn().checkIn(RECEPTION, earlier.id());

    List<Visit> list = diary.checkingIn().today(RECEPTION, null);

    assertThat(list).extracting(v -> v.reservation().id()).containsExactly(trade.id(), earlier.id(), later.id());
    assertThat(list.get(1).checkIn()).isNotNull();
    assertThat(list.get(2).checkIn()).isNull();
    assertThat(list.get(0).official().name()).isEqualTo("Petr Svoboda");
    assertThatThrownBy(() -> diary.checkingIn().today(NOVAK_HIMSELF, null)).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.handlingReservations().search(RECEPTION,
        new ReservationSearch(null, null, null, null, null, null, 10))).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.reportingStatistics().weekly(RECEPTION,
        new StatisticsQuery(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7), null))).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.handlingReservations().dayPlan(RECEPTION, NOVAK, LocalDate.of(2027, 3, 1)))
        .isInstanceOf(NotPermitted.class);
  }

  @Test
  void nowServingShowsCodesAndRoomsOnly() {
    Reservation waiting = today(0);
    Reservation called = stored(Fixtures.reservation(SVOBODA, TODAY_10, "s@example.cz"));
    diary.checkingIn().checkIn(RECEPTION, waiting.id());
    diary.checkingIn().checkIn(RECEPTION, called.id());
    clock.advance(Duration.ofMinutes(3));
    diary.checkingIn().start(SVOBODA_HIMSELF, called.id());

    NowServing screen = diary.checkingIn().nowServing(Fixtures.OFFICE);

    assertThat(screen.called()).containsExactly(new NowServing.Called(called.code(), "dveře 201", NOW.plus(Duration.ofMinutes(3))));
    assertThat(screen.waiting()).containsExactly(waiting.code());
    assertThat(screen.toString()).doesNotContain("Marie", "Procházková", "průkaz");
  }

  @Test
  void statisticsGiveTheMedianAndP90OfWaitingAndTheNoShowRateByChannel() {
    // Waits of 1, 2, ..., 10 minutes: median (nearest rank 5) 5 min, p90 (rank 9) 9 min.
    for (int i = 0; i < 10; i++) {
      Reservation r = today(i);
      diary.checkingIn().checkIn(RECEPTION, r.id());
      clock.advance(Duration.ofMinutes(i + 1));
      diary.checkingIn().start(NOVAK_HIMSELF, r.id());
      diary.checkingIn().end(NOVAK_HIMSELF, r.id());
    }
    stored(Fixtures.reservation(NOVAK, TODAY_10.plus(SLOT.multipliedBy(12)), 1, "n@example.cz", Status.NO_SHOW));

    var statistics = diary.reportingStatistics().weekly(OPERATOR,
        new StatisticsQuery(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7), CIVIL));

    assertThat(statistics.waiting()).singleElement().satisfies(w -> {
      assertThat(w.week()).isEqualTo("2027-W09");
      assertThat(w.visits()).isEqualTo(10);
      assertThat(w.medianSeconds()).isEqualTo(300);
      assertThat(w.p90Seconds()).isEqualTo(540);
    });
    assertThat(statistics.noShows()).filteredOn(n -> n.channel() == org.civicdiary.booking.model.Channel.WEB)
        .singleElement().satisfies(n -> {
          assertThat(n.completed()).isEqualTo(10);
          assertThat(n.noShows()).isEqualTo(1);
          assertThat(n.rate()).isEqualTo(1.0 / 11);
        });
  }
}
