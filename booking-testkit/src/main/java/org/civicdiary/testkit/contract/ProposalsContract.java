/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.PASSPORT;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.error.BookingException;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Restoration;
import org.civicdiary.booking.usecase.WorklistItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Displacement and proposals: the proposals of citizens displaced together are disjoint, held for
 * each of them (no one else can book them until the hold ends), listed by start; "please call me"
 * lets them go and makes a call task; undoing an absence restores what is still free. An adapter's
 * test extends this class and returns a new, empty storage from {@link #emptyStorage()}.
 */
public abstract class ProposalsContract {
  private static final StaffMember OPERATOR = new StaffMember("olga.operator", Role.OPERATOR, null);
  /** Shorter than the default, so that a test can let it run out. */
  private static final Duration HOLD = Duration.ofHours(1);
  protected Storage storage;
  private CivicDiary diary;
  private MutableClock clock;
  private int citizens;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    Office office = Fixtures.office();
    storage.transactions().run(() -> storage.directory().save(new Office(office.id(), office.name(), office.zone(),
        office.slotLength(), office.place(), office.phones(), office.policy().withProposalHold(HOLD))));
    clock = new MutableClock(NOW);
    diary = CivicDiary.builder().storage(storage).clock(clock).random(new SecureRandom()).build();
  }

  private static Instant tuesday(int hour, int minute) {
    return ZonedDateTime.of(2027, 3, 2, hour, minute, 0, 0, Office.DEFAULT_ZONE).toInstant();
  }

  private Booked book(AgendaId agenda, Instant start) {
    return book(NOVAK, agenda, start);
  }

  private Booked book(OfficialId official, AgendaId agenda, Instant start) {
    citizens++;
    return diary.booking().book(new BookingRequest(official, agenda, start,
        new Citizen("Občan " + citizens, "obcan" + citizens + "@example.org", null), "Věc " + citizens,
        Channel.WEB, Language.CS));
  }

  private AbsenceId absent(Instant from, Instant to) {
    return AbsenceId.parse(diary.recordingAbsence().record(OPERATOR,
        new AbsenceRequest(NOVAK, from, to, AbsenceKind.ILLNESS, null)).subject());
  }

  private Reservation stored(Booked booked) {
    return storage.reservations().find(booked.reservation().id()).orElseThrow();
  }

  private List<OutboxMessage> messages(MessageKind kind) {
    return storage.outbox().claim(1000, clock.instant().plus(Duration.ofDays(400)), Duration.ofMinutes(1)).stream()
        .filter(m -> m.kind() == kind).toList();
  }

  private static String key(FreeSlot slot) {
    return slot.official().value() + "@" + slot.start();
  }

  @Test
  void proposalsAreHeldForTwoDaysUnlessTheOfficeSaysOtherwise() {
    assertThat(BookingPolicy.DEFAULT.proposalHold()).isEqualTo(Duration.ofHours(48));
    assertThat(storage.directory().office(Fixtures.OFFICE).orElseThrow().policy().proposalHold()).isEqualTo(HOLD);
  }

  @Test
  void threeCitizensDisplacedFromOneMorningGetDisjointHeldProposalsByStart() {
    List<Booked> morning = List.of(book(ID_CARD, tuesday(8, 0)), book(ID_CARD, tuesday(8, 15)),
        book(ID_CARD, tuesday(8, 30)));
    absent(tuesday(8, 0), tuesday(12, 0));

    Set<String> seen = new HashSet<>();
    for (Booked booked : morning) {
      List<FreeSlot> proposals = diary.managingOwnReservation().proposals(booked.token());
      assertThat(proposals).isNotEmpty();
      assertThat(proposals).extracting(FreeSlot::start).isSorted();
      for (FreeSlot p : proposals) {
        assertThat(seen.add(key(p))).as("proposed to two citizens: " + key(p)).isTrue();
      }
    }
    // What the operators see is what the citizens see.
    List<WorklistItem> items = diary.workingTheWorklist().worklist(OPERATOR).displaced();
    assertThat(items).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(items.get(i).proposals()).isEqualTo(diary.managingOwnReservation().proposals(morning.get(i).token()));
    }

    // Nobody else can take a held time: not the web, not an operator for another displaced citizen,
    // not another displaced citizen's acceptance.
    FreeSlot heldForFirst = diary.managingOwnReservation().proposals(morning.get(0).token()).get(0);
    assertThatThrownBy(() -> book(heldForFirst.official(), ID_CARD, heldForFirst.start())).isInstanceOf(SlotTaken.class);
    assertThatThrownBy(() -> diary.handlingReservations().move(OPERATOR, morning.get(1).reservation().id(),
        heldForFirst.official(), heldForFirst.start(), null)).isInstanceOf(SlotTaken.class);
    assertThatThrownBy(() -> diary.managingOwnReservation().acceptProposal(morning.get(2).token(),
        heldForFirst.official(), heldForFirst.start())).isInstanceOf(StateConflict.class);
    assertThat(stored(morning.get(1)).status()).isEqualTo(Status.DISPLACED);

    // The first citizen chooses: the chosen time is theirs, the others held for them are free again.
    List<FreeSlot> firsts = diary.managingOwnReservation().proposals(morning.get(0).token());
    FreeSlot chosen = firsts.get(firsts.size() - 1);
    Reservation moved = diary.managingOwnReservation().acceptProposal(morning.get(0).token(), chosen.official(),
        chosen.start());
    assertThat(moved.status()).isEqualTo(Status.ACTIVE);
    assertThat(moved.start()).isEqualTo(chosen.start());
    assertThat(book(heldForFirst.official(), ID_CARD, heldForFirst.start()).reservation().status()).isEqualTo(Status.ACTIVE);
    // The others' holds stand.
    assertThat(diary.managingOwnReservation().proposals(morning.get(1).token())).extracting(ProposalsContract::key)
        .containsExactlyElementsOf(items.get(1).proposals().stream().map(ProposalsContract::key).toList());
  }

  @Test
  void aHeldTimeIsBookableByOthersOnlyOnceTheHoldEndsAndThenByOneOfARace() throws Exception {
    Booked displaced = book(ID_CARD, tuesday(8, 0));
    absent(tuesday(8, 0), tuesday(12, 0));
    FreeSlot held = diary.managingOwnReservation().proposals(displaced.token()).get(0);

    assertThat(race(held)).as("bookings of a held time that succeeded").isZero();

    clock.advance(HOLD.minusMinutes(1));
    diary.offeringFreedTime().run();
    assertThatThrownBy(() -> book(held.official(), ID_CARD, held.start())).isInstanceOf(SlotTaken.class);

    clock.advance(Duration.ofMinutes(1));
    diary.offeringFreedTime().run();
    assertThat(storage.reservations().proposalHolds(displaced.reservation().id())).isEmpty();
    assertThat(race(held)).as("bookings of a freed time that succeeded").isEqualTo(1);
    // The citizen is still displaced and is proposed what is free now, unheld.
    assertThat(stored(displaced).status()).isEqualTo(Status.DISPLACED);
    assertThat(diary.managingOwnReservation().proposals(displaced.token())).extracting(ProposalsContract::key)
        .doesNotContain(key(held));
  }

  /** Eight citizens book the same time at once; how many succeeded. */
  private int race(FreeSlot slot) throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        citizens++;
        int n = citizens;
        Callable<Boolean> attempt = () -> {
          go.await();
          try {
            diary.booking().book(new BookingRequest(slot.official(), ID_CARD, slot.start(),
                new Citizen("Závodník " + n, "zavodnik" + n + "@example.org", null), "Věc", Channel.WEB, Language.CS));
            return true;
          } catch (BookingException e) {
            return false;
          }
        };
        results.add(pool.submit(attempt));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      return won;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pleaseCallMeLetsTheHeldTimesGoAndPutsACallTaskOnTheWorklist() {
    Booked displaced = book(ID_CARD, tuesday(8, 0));
    absent(tuesday(8, 0), tuesday(12, 0));
    List<FreeSlot> held = diary.managingOwnReservation().proposals(displaced.token());
    clock.advance(Duration.ofMinutes(5));

    diary.managingOwnReservation().pleaseCall(displaced.token());

    assertThat(storage.reservations().proposalHolds(displaced.reservation().id())).isEmpty();
    assertThat(book(held.get(0).official(), ID_CARD, held.get(0).start()).reservation().status()).isEqualTo(Status.ACTIVE);
    assertThat(diary.workingTheWorklist().worklist(OPERATOR).displaced()).singleElement().satisfies(item -> {
      assertThat(item.reservation().id()).isEqualTo(displaced.reservation().id());
      assertThat(item.callRequested()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    });
    // Asking twice keeps the first time; a reservation that is not displaced waits for no call.
    clock.advance(Duration.ofMinutes(5));
    diary.managingOwnReservation().pleaseCall(displaced.token());
    assertThat(diary.managingOwnReservation().callRequested(displaced.token())).contains(NOW.plus(Duration.ofMinutes(5)));
    Booked active = book(ID_CARD, tuesday(13, 0));
    assertThatThrownBy(() -> diary.managingOwnReservation().pleaseCall(active.token())).isInstanceOf(StateConflict.class);
  }

  @Test
  void undoingAnAbsenceRestoresThenTheTimeIsTakenThenUndoRestoresOnlyWhatIsFree() {
    Booked passport = book(PASSPORT, tuesday(8, 0));
    Booked second = book(ID_CARD, tuesday(8, 30));
    Booked third = book(ID_CARD, tuesday(8, 45));
    int sequence = passport.reservation().sequence();
    messages(MessageKind.CONFIRMATION);

    // An absence entered by mistake, undone: all three stand as booked again.
    AbsenceId mistake = absent(tuesday(8, 15), tuesday(10, 0));
    assertThat(diary.recordingAbsence().displacedBy(OPERATOR, mistake)).hasSize(3);
    Restoration undone = diary.recordingAbsence().remove(OPERATOR, mistake, true);

    assertThat(undone.restored()).extracting(Reservation::id).containsExactly(passport.reservation().id(),
        second.reservation().id(), third.reservation().id());
    assertThat(undone.stillDisplaced()).isEmpty();
    for (Booked b : List.of(passport, second, third)) {
      assertThat(stored(b).status()).isEqualTo(Status.ACTIVE);
      assertThat(stored(b).start()).isEqualTo(b.reservation().start());
      assertThat(storage.reservations().proposalHolds(b.reservation().id())).isEmpty();
    }
    assertThat(stored(passport).sequence()).isGreaterThan(sequence + 1);
    assertThat(messages(MessageKind.RESTORED)).extracting(OutboxMessage::reservation).containsExactlyInAnyOrder(
        passport.reservation().id(), second.reservation().id(), third.reservation().id());
    assertThat(diary.workingTheWorklist().worklist(OPERATOR).displaced()).isEmpty();

    // Again; this time the second asks to be called (their held times go) and, before the absence is
    // undone, a newcomer takes 08:00, which the passport's half-displaced meeting (08:00-08:30) needs.
    AbsenceId again = absent(tuesday(8, 15), tuesday(10, 0));
    diary.managingOwnReservation().pleaseCall(second.token());
    Booked newcomer = book(ID_CARD, tuesday(8, 0));
    Restoration partly = diary.recordingAbsence().remove(OPERATOR, again, true);

    assertThat(partly.restored()).extracting(Reservation::id)
        .containsExactly(second.reservation().id(), third.reservation().id());
    assertThat(partly.stillDisplaced()).extracting(Reservation::id).containsExactly(passport.reservation().id());
    assertThat(stored(passport).status()).isEqualTo(Status.DISPLACED);
    assertThat(stored(newcomer).status()).isEqualTo(Status.ACTIVE);
    assertThat(diary.managingOwnReservation().proposals(passport.token())).isNotEmpty();
    assertThat(diary.workingTheWorklist().worklist(OPERATOR).displaced()).extracting(i -> i.reservation().id())
        .containsExactly(passport.reservation().id());
  }

  @Test
  void removingAnAbsenceWithoutRestoringLeavesItsReservationsDisplaced() {
    Booked booked = book(ID_CARD, tuesday(9, 0));
    AbsenceId absence = absent(tuesday(8, 0), tuesday(12, 0));

    Restoration none = diary.recordingAbsence().remove(OPERATOR, absence, false);

    assertThat(none.restored()).isEmpty();
    assertThat(none.stillDisplaced()).extracting(Reservation::id).containsExactly(booked.reservation().id());
    assertThat(stored(booked).status()).isEqualTo(Status.DISPLACED);
  }
}
