/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.reservation;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.model.BusyConflict;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.PolledFeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Busy feeds in the store and through the use case: one feed an official with its poll state, its
 * busy intervals replaced whole, busy time blocking free time like an absence, new busy time over
 * a reservation making a conflict (and cancelling nothing), the last good busy time kept after a
 * failure up to an age. An adapter's test extends this class.
 */
public abstract class BusyFeedsContract {
  protected static final StaffMember NOVAK_HIMSELF = new StaffMember("novak", Role.OFFICIAL, NOVAK);
  protected static final StaffMember DVORAK_HERSELF = new StaffMember("dvorak", Role.OFFICIAL, DVORAK);
  protected static final StaffMember OPERATOR = new StaffMember("operator", Role.OPERATOR, null);
  protected static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null);
  private static final String URL = "https://outlook.example/owa/calendar/novak/calendar.ics";
  private static final Duration KEEP = Duration.ofDays(1);
  private static final Instant AT = NOW.truncatedTo(ChronoUnit.MICROS);
  protected Storage storage;
  protected CivicDiary diary;
  protected MutableClock clock;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    clock = new MutableClock(AT);
    diary = CivicDiary.builder().storage(storage).clock(clock).build();
  }

  private static BusyTime busy(Instant start, int slots) {
    return new BusyTime(NOVAK, start, start.plus(SLOT.multipliedBy(slots)));
  }

  private void poll(PolledFeed result) {
    diary.keepingBusyFeeds().apply(NOVAK, URI.create(URL), result, KEEP);
  }

  private void fetched(BusyTime... busy) {
    poll(new PolledFeed.Fetched("\"v1\"", "Mon, 01 Mar 2027 08:00:00 GMT", List.of(busy)));
  }

  private List<Instant> freeStarts() {
    LocalDate tuesday = LocalDate.of(2027, 3, 2);
    return diary.findingFreeSlots().ofOfficial(NOVAK, ID_CARD, tuesday, tuesday).stream().map(FreeSlot::start)
        .toList();
  }

  private Reservation add(Reservation r) {
    storage.transactions().run(() -> storage.reservations().add(r, SLOT));
    return r;
  }

  @Test
  void aFeedKeepsItsStateAndOnlyAnOfficialsOne() {
    BusyFeed feed = BusyFeed.of(NOVAK, URL).succeeded("\"abc\"", "Mon, 01 Mar 2027 08:00:00 GMT", AT)
        .failed(BusyFeed.Failure.TOO_LARGE, "over 1048576 bytes", AT.plusSeconds(600));
    storage.transactions().run(() -> storage.busyFeeds().save(feed));
    storage.transactions().run(() -> storage.busyFeeds().save(BusyFeed.of(DVORAK, "https://calendar.example/d.ics")));
    assertThat(storage.busyFeeds().ofOfficial(NOVAK)).contains(feed);
    assertThat(storage.busyFeeds().all()).extracting(BusyFeed::official).containsExactly(DVORAK, NOVAK);
    assertThatThrownBy(() -> storage.transactions().run(
        () -> storage.busyFeeds().save(BusyFeed.of(OfficialId.of("nobody"), URL)))).isInstanceOf(NotFound.class);
  }

  @Test
  void busyIntervalsAreReplacedWholeAndFoundByOverlap() {
    storage.transactions().run(() -> storage.busyFeeds().save(BusyFeed.of(NOVAK, URL)));
    storage.transactions().run(() -> storage.busyFeeds().replaceBusy(NOVAK, List.of(busy(slot(8), 2), busy(slot(0), 4))));
    assertThat(storage.busyFeeds().busy(List.of(NOVAK, DVORAK), slot(3), slot(9)))
        .containsExactly(busy(slot(0), 4), busy(slot(8), 2));
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(4), slot(8))).isEmpty();
    storage.transactions().run(() -> storage.busyFeeds().replaceBusy(NOVAK, List.of(busy(slot(20), 1))));
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(40))).containsExactly(busy(slot(20), 1));
    Reservation r = add(reservation(NOVAK, slot(20), "a@example.cz"));
    storage.transactions().run(() -> storage.busyFeeds().addConflict(
        new BusyConflict(r.id(), NOVAK, slot(20), slot(21), AT)));
    assertThat(storage.transactions().inTransaction(() -> storage.busyFeeds().remove(NOVAK))).isTrue();
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(40))).isEmpty();
    assertThat(storage.busyFeeds().conflicts()).isEmpty();
    assertThat(storage.busyFeeds().ofOfficial(NOVAK)).isEmpty();
  }

  @Test
  void aReplacementThatKeepsSomeIntervalsMovesOneAndRepeatsOneReadsExactlyAsGiven() {
    storage.transactions().run(() -> storage.busyFeeds().save(BusyFeed.of(NOVAK, URL)));
    storage.transactions().run(() -> storage.busyFeeds().replaceBusy(NOVAK,
        List.of(busy(slot(0), 2), busy(slot(4), 1), busy(slot(4), 1), busy(slot(10), 3))));
    BusyTime hers = new BusyTime(DVORAK, slot(4), slot(5));
    storage.transactions().run(() -> storage.busyFeeds().replaceBusy(DVORAK, List.of(hers)));
    // kept, one copy of a repeated interval dropped, one moved, one copy added, one new
    storage.transactions().run(() -> storage.busyFeeds().replaceBusy(NOVAK,
        List.of(busy(slot(0), 2), busy(slot(4), 1), busy(slot(11), 3), busy(slot(20), 1), busy(slot(20), 1))));
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(40)))
        .containsExactly(busy(slot(0), 2), busy(slot(4), 1), busy(slot(11), 3), busy(slot(20), 1), busy(slot(20), 1));
    assertThat(storage.busyFeeds().busy(List.of(DVORAK), slot(0), slot(40))).as("another official's untouched")
        .containsExactly(hers);
    storage.transactions().run(() -> storage.busyFeeds().replaceBusy(NOVAK, List.of()));
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(40))).isEmpty();
  }

  @Test
  void aConflictIsOneAReservationAndIsRemoved() {
    Reservation first = add(reservation(NOVAK, slot(4), "a@example.cz"));
    Reservation second = add(reservation(NOVAK, slot(1), "b@example.cz"));
    storage.transactions().run(() -> {
      storage.busyFeeds().addConflict(new BusyConflict(first.id(), NOVAK, slot(4), slot(6), AT));
      storage.busyFeeds().addConflict(new BusyConflict(first.id(), NOVAK, slot(3), slot(6), AT));
      storage.busyFeeds().addConflict(new BusyConflict(second.id(), NOVAK, slot(0), slot(2), AT));
    });
    assertThat(storage.busyFeeds().conflicts()).containsExactly(
        new BusyConflict(second.id(), NOVAK, slot(0), slot(2), AT), new BusyConflict(first.id(), NOVAK, slot(3), slot(6), AT));
    Reservation hers = add(reservation(DVORAK, slot(2), "c@example.cz"));
    storage.transactions().run(() -> storage.busyFeeds().addConflict(new BusyConflict(hers.id(), DVORAK, slot(2), slot(3), AT)));
    assertThat(storage.busyFeeds().conflicts(NOVAK)).as("one official's, in order").containsExactly(
        new BusyConflict(second.id(), NOVAK, slot(0), slot(2), AT), new BusyConflict(first.id(), NOVAK, slot(3), slot(6), AT));
    assertThat(storage.busyFeeds().conflicts(DVORAK)).extracting(BusyConflict::reservation).containsExactly(hers.id());
    assertThat(storage.transactions().inTransaction(() -> storage.busyFeeds().removeConflict(hers.id()))).isTrue();
    assertThat(storage.transactions().inTransaction(() -> storage.busyFeeds().removeConflict(first.id()))).isTrue();
    assertThat(storage.transactions().inTransaction(() -> storage.busyFeeds().removeConflict(first.id()))).isFalse();
    assertThat(storage.busyFeeds().conflicts()).extracting(BusyConflict::reservation).containsExactly(second.id());
  }

  @Test
  void externalBusyTimeIsNotFreeAndBookingIntoItIsRefused() {
    diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, URL);
    assertThat(freeStarts()).contains(slot(0), slot(1));
    fetched(busy(slot(0), 2));
    assertThat(freeStarts()).doesNotContain(slot(0), slot(1)).contains(slot(-1), slot(2));
    assertThatThrownBy(() -> diary.booking().book(new BookingRequest(NOVAK, ID_CARD, slot(1),
        new Citizen("Marie Procházková", "marie@example.cz", null), "Občanský průkaz", Channel.WEB, Language.CS)))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(SlotNotBookable.Reason.ABSENT));
    BusyFeed feed = diary.keepingBusyFeeds().feed(NOVAK_HIMSELF, NOVAK).orElseThrow();
    assertThat(feed.succeededAt()).isEqualTo(AT);
    assertThat(feed.etag()).isEqualTo("\"v1\"");
  }

  @Test
  void anEventChangedMovedAndDeletedChangesFreeTimeWithinOnePoll() {
    diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, URL);
    fetched(busy(slot(0), 2));
    fetched(busy(slot(0), 4));
    assertThat(freeStarts()).doesNotContain(slot(0), slot(3)).contains(slot(4));
    fetched(busy(slot(10), 4));
    assertThat(freeStarts()).contains(slot(0), slot(3)).doesNotContain(slot(10), slot(13));
    fetched();
    assertThat(freeStarts()).contains(slot(0), slot(10), slot(13));
  }

  @Test
  void newBusyTimeOverAReservationIsAConflictAndCancelsNothing() {
    diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, URL);
    Reservation booked = add(reservation(NOVAK, slot(4), "a@example.cz"));
    Reservation elsewhere = add(reservation(NOVAK, slot(12), "b@example.cz"));
    fetched(busy(slot(3), 3));
    assertThat(storage.reservations().find(booked.id())).map(Reservation::status).contains(Status.ACTIVE);
    assertThat(diary.workingTheWorklist().worklist(OPERATOR).conflicts())
        .containsExactly(new BusyConflict(booked.id(), NOVAK, slot(3), slot(6), AT));
    assertThatThrownBy(() -> diary.keepingBusyFeeds().conflicts(NOVAK_HIMSELF)).isInstanceOf(NotPermitted.class);

    // The operator keeps the meeting: the same busy time does not bring the conflict back.
    assertThat(diary.keepingBusyFeeds().dismiss(OPERATOR, booked.id())).isTrue();
    fetched(busy(slot(3), 3));
    assertThat(diary.keepingBusyFeeds().conflicts(OPERATOR)).isEmpty();

    // Busy time moved over the other meeting: a conflict for it; deleted again: the conflict goes.
    fetched(busy(slot(12), 1));
    assertThat(diary.keepingBusyFeeds().conflicts(OPERATOR)).extracting(BusyConflict::reservation)
        .containsExactly(elsewhere.id());
    fetched();
    assertThat(diary.keepingBusyFeeds().conflicts(OPERATOR)).isEmpty();
    assertThat(storage.reservations().find(elsewhere.id())).map(Reservation::status).contains(Status.ACTIVE);
  }

  @Test
  void aConflictLeavesTheWorklistWhenTheReservationIsCancelled() {
    diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, URL);
    Reservation booked = add(reservation(NOVAK, slot(4), "a@example.cz"));
    fetched(busy(slot(4), 1));
    assertThat(diary.keepingBusyFeeds().conflicts(OPERATOR)).hasSize(1);
    diary.handlingReservations().cancel(OPERATOR, booked.id(), "official busy");
    assertThat(diary.workingTheWorklist().worklist(OPERATOR).conflicts()).isEmpty();
  }

  @Test
  void afterAFailureTheLastGoodBusyTimeAppliesUpToItsAge() {
    diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, URL);
    fetched(busy(slot(0), 2));
    clock.advance(Duration.ofHours(20));
    poll(new PolledFeed.Failed(BusyFeed.Failure.UNREACHABLE, "connect timed out"));
    BusyFeed failed = diary.keepingBusyFeeds().feed(ADMIN, NOVAK).orElseThrow();
    assertThat(failed.failure()).isEqualTo(BusyFeed.Failure.UNREACHABLE);
    assertThat(failed.failureDetail()).isEqualTo("connect timed out");
    assertThat(failed.succeededAt()).isEqualTo(AT);
    assertThat(failed.etag()).as("kept for the next conditional request").isEqualTo("\"v1\"");
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(2))).hasSize(1);

    poll(new PolledFeed.NotModified());
    assertThat(diary.keepingBusyFeeds().feed(ADMIN, NOVAK).orElseThrow().failure()).isNull();
    clock.advance(Duration.ofHours(23));
    poll(new PolledFeed.Failed(BusyFeed.Failure.INVALID, null));
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(2))).as("still within a day").hasSize(1);
    clock.advance(Duration.ofHours(2));
    poll(new PolledFeed.Failed(BusyFeed.Failure.INVALID, null));
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(2))).as("older than a day").isEmpty();
    assertThat(diary.keepingBusyFeeds().feed(ADMIN, NOVAK).orElseThrow().etag()).isNull();
  }

  @Test
  void theOfficialOrAnAdministratorSetsTheUrlAndAPollOfAnOldUrlIsIgnored() {
    assertThatThrownBy(() -> diary.keepingBusyFeeds().set(DVORAK_HERSELF, NOVAK, URL)).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.keepingBusyFeeds().set(OPERATOR, NOVAK, URL)).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, "http://calendar.example/n.ics"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("url"));
    assertThatThrownBy(() -> diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, "webcal://calendar.example/n.ics"))
        .isInstanceOf(InvalidInput.class);
    assertThat(storage.busyFeeds().ofOfficial(NOVAK)).as("nothing changed").isEmpty();

    diary.keepingBusyFeeds().set(ADMIN, NOVAK, URL);
    fetched(busy(slot(0), 2));
    diary.keepingBusyFeeds().set(NOVAK_HIMSELF, NOVAK, "https://calendar.example/other.ics");
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(2))).as("a new calendar starts afresh").isEmpty();
    fetched(busy(slot(0), 2));
    assertThat(storage.busyFeeds().busy(List.of(NOVAK), slot(0), slot(2))).as("the old URL's poll").isEmpty();
    assertThat(diary.keepingBusyFeeds().feed(OPERATOR, NOVAK)).map(f -> f.url().getHost()).contains("calendar.example");
    assertThatThrownBy(() -> diary.keepingBusyFeeds().feed(DVORAK_HERSELF, NOVAK)).isInstanceOf(NotPermitted.class);
    assertThat(diary.keepingBusyFeeds().clear(NOVAK_HIMSELF, NOVAK)).isTrue();
    assertThat(diary.keepingBusyFeeds().clear(ADMIN, NOVAK)).isFalse();
  }
}
