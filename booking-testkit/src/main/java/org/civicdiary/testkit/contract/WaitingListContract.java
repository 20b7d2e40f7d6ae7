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
import static org.civicdiary.testkit.contract.Fixtures.PASSPORT;
import static org.civicdiary.testkit.contract.Fixtures.TUESDAY_10;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreedTime;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.model.WaitingListStatus;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.WaitingListRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link org.civicdiary.booking.port.WaitingList} port's promises, and the waiting list's
 * invariants under concurrency through the use cases: a freed time is offered to exactly one entry
 * however many matchers run, and a held time is booked by nobody else. An adapter's test extends it.
 */
public abstract class WaitingListContract {
  private static final StaffMember OPERATOR = new StaffMember("operator", Role.OPERATOR, null);
  private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);
  private static final Instant CREATED = NOW.truncatedTo(ChronoUnit.MICROS);
  protected Storage storage;
  protected MutableClock clock;
  protected CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    clock = new MutableClock(NOW);
    diary = CivicDiary.builder().storage(storage).clock(clock).build();
  }

  private static WaitingListEntry entry(OfficialId official, AgendaId agenda, String email, int minute) {
    Instant created = CREATED.plus(Duration.ofMinutes(minute));
    return new WaitingListEntry(WaitingListEntryId.random(), CIVIL, official, agenda, TUESDAY, TUESDAY,
        TUESDAY.atStartOfDay(Office.DEFAULT_ZONE).toInstant(),
        TUESDAY.plusDays(1).atStartOfDay(Office.DEFAULT_ZONE).toInstant(),
        new Citizen("Marie Procházková", email, "+420 601 234 567"), "Nový pas", Channel.WEB, Language.CS,
        WaitingListStatus.ACTIVE, created, created, null, null, 0);
  }

  private void add(WaitingListEntry... entries) {
    storage.transactions().run(() -> List.of(entries).forEach(storage.waitingList()::add));
  }

  private void update(WaitingListEntry entry) {
    storage.transactions().run(() -> storage.waitingList().update(entry));
  }

  @Test
  void anEntryIsStoredAsGivenAndChangedOnlyFromItsCurrentVersion() {
    WaitingListEntry entry = entry(null, ID_CARD, "marie@example.cz", 0);
    add(entry);
    assertThat(storage.waitingList().find(entry.id())).contains(entry);

    WaitingListEntry expired = entry.withStatus(WaitingListStatus.EXPIRED, CREATED.plusSeconds(60));
    update(expired);
    assertThat(storage.waitingList().find(entry.id())).contains(expired);

    assertThatThrownBy(() -> update(entry.withStatus(WaitingListStatus.WITHDRAWN, CREATED)))
        .isInstanceOf(ConcurrentChange.class);
    assertThatThrownBy(() -> update(entry(null, ID_CARD, "x@example.cz", 0).withStatus(WaitingListStatus.TAKEN,
        CREATED))).isInstanceOf(NotFound.class);
    assertThat(storage.waitingList().find(entry.id())).contains(expired);
  }

  @Test
  void tokensOpenTheirEntryOnly() {
    WaitingListEntry entry = entry(NOVAK, ID_CARD, "marie@example.cz", 0);
    add(entry);
    storage.transactions().run(() -> storage.waitingList().addToken(entry.id(), "a".repeat(64)));

    assertThat(storage.waitingList().findByTokenHash("a".repeat(64))).contains(entry);
    assertThat(storage.waitingList().findByTokenHash("b".repeat(64))).isEmpty();
    assertThatThrownBy(() -> storage.transactions().run(
        () -> storage.waitingList().addToken(WaitingListEntryId.random(), "c".repeat(64))))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void freedTimeAtAnOfficialFindsTheActiveEntriesForThemOrTheirDepartmentFirstComeFirst() {
    WaitingListEntry third = entry(null, ID_CARD, "c@example.cz", 3);
    WaitingListEntry first = entry(NOVAK, PASSPORT, "a@example.cz", 1);
    WaitingListEntry second = entry(null, ID_CARD, "b@example.cz", 2);
    WaitingListEntry other = entry(DVORAK, ID_CARD, "d@example.cz", 0);
    WaitingListEntry unconfirmed = entry(NOVAK, ID_CARD, "e@example.cz", 0);
    add(third, first, second, other, unconfirmed);
    update(unconfirmed.withStatus(WaitingListStatus.UNCONFIRMED, CREATED));

    assertThat(storage.waitingList().waitingFor(NOVAK, CIVIL, TUESDAY_10, TUESDAY_10.plusSeconds(900)))
        .extracting(WaitingListEntry::id).containsExactly(first.id(), second.id(), third.id());
    assertThat(storage.waitingList().waitingFor(NOVAK, CIVIL, TUESDAY_10.plus(Duration.ofDays(1)),
        TUESDAY_10.plus(Duration.ofDays(2)))).as("outside their days").isEmpty();
    assertThat(storage.waitingList().list(CIVIL, NOVAK, ID_CARD, false)).extracting(WaitingListEntry::id)
        .containsExactly(unconfirmed.id(), second.id(), third.id());
    assertThat(storage.waitingList().liveOfEmail("B@Example.CZ")).extracting(WaitingListEntry::id)
        .containsExactly(second.id());
  }

  /** Issue 14 item 6: the waiting list's per-address limit counts by mailbox, as the bookings do. */
  @Test
  void liveOfEmailFindsEverySpellingOfOneMailbox() {
    WaitingListEntry tagged = entry(NOVAK, ID_CARD, "eva.nova+1@gmail.com", 1);
    WaitingListEntry dotted = entry(null, ID_CARD, "EvaNova+2@googlemail.com", 2);
    WaitingListEntry elsewhere = entry(DVORAK, ID_CARD, "eva.nova@example.cz", 3);
    add(tagged, dotted, elsewhere);
    assertThat(storage.waitingList().liveOfEmail("e.v.a.nova@gmail.com")).extracting(WaitingListEntry::id)
        .containsExactlyInAnyOrder(tagged.id(), dotted.id());
    assertThat(storage.waitingList().liveOfEmail("eva.nova+3@example.cz")).extracting(WaitingListEntry::id)
        .containsExactly(elsewhere.id());
  }

  @Test
  void lapsedOffersAndEndedRangesAreFoundByTime() {
    Reservation hold = Fixtures.reservation(NOVAK, TUESDAY_10, 1, "a@example.cz", Status.HELD);
    storage.transactions().run(() -> storage.reservations().add(hold, Fixtures.SLOT));
    WaitingListEntry offered = entry(NOVAK, ID_CARD, "a@example.cz", 1);
    WaitingListEntry waiting = entry(NOVAK, ID_CARD, "b@example.cz", 2);
    add(offered, waiting);
    Instant until = CREATED.plus(Duration.ofMinutes(30));
    update(offered.offered(hold.id(), until, CREATED));

    assertThat(storage.waitingList().findByHold(hold.id())).map(WaitingListEntry::id).contains(offered.id());
    assertThat(storage.waitingList().lapsedOffers(until.minusSeconds(1))).isEmpty();
    assertThat(storage.waitingList().lapsedOffers(until)).extracting(WaitingListEntry::id)
        .containsExactly(offered.id());
    Instant rangeEnd = waiting.rangeEnd();
    assertThat(storage.waitingList().toExpire(rangeEnd.minusSeconds(1), CREATED)).isEmpty();
    assertThat(storage.waitingList().toExpire(rangeEnd, CREATED)).extracting(WaitingListEntry::id)
        .containsExactly(waiting.id());
  }

  @Test
  void endedEntriesLoseTheirPersonalDataAfterTheCutoffLiveOnesKeepIt() {
    WaitingListEntry ended = entry(NOVAK, ID_CARD, "a@example.cz", 1);
    WaitingListEntry live = entry(NOVAK, ID_CARD, "b@example.cz", 2);
    add(ended, live);
    update(ended.withStatus(WaitingListStatus.EXPIRED, CREATED));
    Instant cutoff = ended.rangeEnd().plusSeconds(1);

    assertThat(storage.transactions().inTransaction(
        () -> storage.waitingList().anonymiseEndedBefore(ended.rangeEnd(), CREATED))).isZero();
    assertThat(storage.transactions().inTransaction(
        () -> storage.waitingList().anonymiseEndedBefore(cutoff, CREATED))).isOne();
    assertThat(storage.transactions().inTransaction(
        () -> storage.waitingList().anonymiseEndedBefore(cutoff, CREATED))).isZero();

    WaitingListEntry anonymised = storage.waitingList().find(ended.id()).orElseThrow();
    assertThat(anonymised.citizen()).isEqualTo(Citizen.anonymised());
    assertThat(anonymised.topic()).isEmpty();
    assertThat(anonymised.status()).isEqualTo(WaitingListStatus.EXPIRED);
    assertThat(storage.waitingList().find(live.id()).orElseThrow().citizen()).isEqualTo(live.citizen());
  }

  @Test
  void aNoteOfFreedTimeIsRemovedOnce() {
    FreedTime older = new FreedTime(UUID.randomUUID(), NOVAK, TUESDAY_10, TUESDAY_10.plusSeconds(900), CREATED);
    FreedTime newer = new FreedTime(UUID.randomUUID(), DVORAK, TUESDAY_10, TUESDAY_10.plusSeconds(1800),
        CREATED.plusSeconds(1));
    storage.transactions().run(() -> {
      storage.waitingList().recordFreed(newer);
      storage.waitingList().recordFreed(older);
    });

    assertThat(storage.waitingList().freed(10)).containsExactly(older, newer);
    assertThat(storage.waitingList().freed(1)).containsExactly(older);
    assertThat(storage.transactions().inTransaction(() -> storage.waitingList().removeFreed(older.id()))).isTrue();
    assertThat(storage.transactions().inTransaction(() -> storage.waitingList().removeFreed(older.id()))).isFalse();
    assertThat(storage.waitingList().freed(10)).containsExactly(newer);
  }

  private WaitingListEntry caller(int n) {
    return diary.keepingWaitingList().joinForCaller(OPERATOR, new WaitingListRequest(null, ID_CARD, TUESDAY, TUESDAY,
        new Citizen("Volající " + n, null, "+420 601 000 " + String.format("%03d", n)), "Občanský průkaz",
        Channel.PHONE, Language.CS));
  }

  @Test
  void eachFreedTimeIsOfferedToExactlyOneEntryWhileSeveralMatchersRun() throws Exception {
    List<WaitingListEntry> entries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofSeconds(1));
      entries.add(caller(i));
    }
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    ConcurrencyContract.race(8, () -> {
      try {
        for (int i = 0; i < 5; i++) {
          diary.offeringFreedTime().run();
        }
      } catch (RuntimeException e) {
        unexpected.add(e);
      }
    });
    diary.offeringFreedTime().run();

    assertThat(unexpected).isEmpty();
    List<WaitingListEntry> after = entries.stream().map(e -> storage.waitingList().find(e.id()).orElseThrow()).toList();
    assertThat(after).extracting(WaitingListEntry::status).containsOnly(WaitingListStatus.OFFERED);
    Set<String> times = new HashSet<>();
    for (WaitingListEntry entry : after) {
      Reservation hold = storage.reservations().find(entry.hold()).orElseThrow();
      assertThat(hold.status()).isEqualTo(Status.HELD);
      assertThat(hold.citizen()).isEqualTo(entry.citizen());
      assertThat(times.add(hold.official() + " " + hold.start())).as("a time held once").isTrue();
    }
    long holds = storage.reservations().search(new ReservationSearch(null, null, null,
        Status.HELD, null, null, 1000)).size();
    assertThat(holds).as("no hold without its entry").isEqualTo(20);
    assertThat(storage.waitingList().freed(100)).isEmpty();
  }

  @Test
  void aHeldTimeIsBookedByNobodyElseUntilTheHoldEnds() throws Exception {
    WaitingListEntry entry = caller(1);
    diary.offeringFreedTime().run();
    Reservation hold = storage.reservations().find(storage.waitingList().find(entry.id()).orElseThrow().hold())
        .orElseThrow();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger booked = new AtomicInteger();
    AtomicInteger taken = new AtomicInteger();
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    Runnable racer = () -> {
      try {
        diary.booking().book(new BookingRequest(hold.official(), ID_CARD, hold.start(), new Citizen("Racer",
            "racer" + next.getAndIncrement() + "@example.cz", null), "Občanský průkaz", Channel.WEB, Language.CS));
        booked.incrementAndGet();
      } catch (SlotTaken e) {
        taken.incrementAndGet();
      } catch (RuntimeException e) {
        unexpected.add(e);
      }
    };
    ConcurrencyContract.race(16, racer::run);
    assertThat(unexpected).isEmpty();
    assertThat(booked.get()).isZero();
    assertThat(taken.get()).isEqualTo(16);

    clock.advance(diary.offeringFreedTime().rules().hold());
    diary.offeringFreedTime().run();
    assertThat(storage.reservations().find(hold.id()).orElseThrow().status()).isEqualTo(Status.RELEASED);
    ConcurrencyContract.race(16, racer::run);

    assertThat(unexpected).isEmpty();
    assertThat(booked.get()).isEqualTo(1);
    assertThat(taken.get()).isEqualTo(31);
  }
}
