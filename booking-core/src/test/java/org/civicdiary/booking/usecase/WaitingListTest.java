/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.booking.usecase.TownHall.CIVIL;
import static org.civicdiary.booking.usecase.TownHall.OPERATOR;
import static org.civicdiary.booking.usecase.TownHall.local;
import static org.civicdiary.booking.usecase.TownHall.officialMember;
import static org.civicdiary.booking.usecase.TownHall.weekly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.PolicyViolated.Policy;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waiting list on the in-memory storage with a settable clock. */
class WaitingListTest {
  private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);
  private TownHall hall;
  private OfficialId novak;
  private OfficialId dvorak;
  private AgendaId idCard;
  private AgendaId permit;
  private final List<Booked> novaksDay = new ArrayList<>();
  private final List<Booked> dvoraksDay = new ArrayList<>();

  @BeforeEach
  void fullDays() {
    hall = TownHall.at("2027-03-01T06:00:00Z");
    novak = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "09:00"));
    dvorak = hall.official("dvorak", weekly(DayOfWeek.TUESDAY, "08:00", "09:00"));
    idCard = hall.agenda("id-card", 1, novak, dvorak);
    permit = hall.agenda("building-permit", 1, dvorak);
    for (String time : List.of("08:00", "08:15", "08:30", "08:45")) {
      novaksDay.add(hall.book(novak, idCard, at(time)));
      dvoraksDay.add(hall.book(dvorak, idCard, at(time)));
    }
    hall.takeMessages();
  }

  private static Instant at(String time) {
    return local(TUESDAY + "T" + time);
  }

  private KeepingWaitingList list() {
    return hall.diary.keepingWaitingList();
  }

  private int match() {
    return hall.diary.offeringFreedTime().run();
  }

  private WaitingListRequest wish(OfficialId official, AgendaId agenda, Citizen citizen) {
    return new WaitingListRequest(official, agenda, TUESDAY, TUESDAY, citizen, "New ID card", Channel.WEB, Language.CS);
  }

  /** Joins on the web and confirms, one clock minute after the previous entry (first come, first served). */
  private WaitingListEntry waiting(OfficialId official, AgendaId agenda) {
    hall.clock.advance(Duration.ofMinutes(1));
    WaitingListEntry entry = list().join(wish(official, agenda, hall.citizen()));
    return list().confirm(list().issueToken(entry.id()));
  }

  private WaitingListEntry now(WaitingListEntry entry) {
    return hall.storage.waitingList().find(entry.id()).orElseThrow();
  }

  private void cancel(Booked booked) {
    hall.diary.managingOwnReservation().cancel(booked.token());
  }

  private ManageToken offerLink(WaitingListEntry entry) {
    return hall.diary.issuingManageLinks().issue(now(entry).hold());
  }

  private List<MessageKind> kinds() {
    return hall.takeMessages().stream().map(OutboxMessage::kind).toList();
  }

  @Test
  void anEntryWaitsOnlyOnceItsAddressIsConfirmed() {
    WaitingListEntry entry = list().join(wish(novak, idCard, hall.citizen()));
    assertThat(entry.status()).isEqualTo(WaitingListStatus.UNCONFIRMED);
    assertThat(kinds()).containsExactly(MessageKind.WAITING_LIST_CONFIRMATION);

    cancel(novaksDay.get(1));
    match();
    assertThat(now(entry).status()).isEqualTo(WaitingListStatus.UNCONFIRMED);

    WaitingListEntry confirmed = list().confirm(list().issueToken(entry.id()));
    assertThat(confirmed.status()).isEqualTo(WaitingListStatus.ACTIVE);
    assertThat(list().confirm(list().issueToken(entry.id())).status()).isEqualTo(WaitingListStatus.ACTIVE);
    match();

    WaitingListEntry offered = now(entry);
    assertThat(offered.status()).isEqualTo(WaitingListStatus.OFFERED);
    Reservation hold = hall.storage.reservations().find(offered.hold()).orElseThrow();
    assertThat(hold.status()).isEqualTo(Status.HELD);
    assertThat(hold.start()).isEqualTo(at("08:15"));
    assertThat(offered.holdUntil()).isEqualTo(hall.clock.instant().plus(Duration.ofMinutes(30)));
    assertThat(kinds()).contains(MessageKind.WAITING_LIST_OFFER);
  }

  @Test
  void freedTimeGoesToTheFirstEntryThatSuitsTheOfficialAndTheAgenda() {
    WaitingListEntry forPermit = waiting(null, permit);
    WaitingListEntry forDvorak = waiting(dvorak, idCard);
    WaitingListEntry anyone = waiting(null, idCard);
    WaitingListEntry forNovak = waiting(novak, idCard);

    cancel(novaksDay.get(0));
    assertThat(match()).isEqualTo(1);
    assertThat(now(anyone).status()).as("the first entry novak's time suits").isEqualTo(WaitingListStatus.OFFERED);
    assertThat(now(forNovak).status()).isEqualTo(WaitingListStatus.ACTIVE);

    cancel(novaksDay.get(1));
    match();
    assertThat(now(forNovak).status()).isEqualTo(WaitingListStatus.OFFERED);

    cancel(dvoraksDay.get(2));
    match();
    assertThat(now(forPermit).status()).as("dvorak handles permits; the oldest entry").isEqualTo(WaitingListStatus.OFFERED);
    assertThat(now(forDvorak).status()).isEqualTo(WaitingListStatus.ACTIVE);

    cancel(dvoraksDay.get(3));
    match();
    assertThat(now(forDvorak).status()).isEqualTo(WaitingListStatus.OFFERED);
  }

  @Test
  void aHeldTimeIsInvisibleAndUnbookableAndPassesToTheNextEntryWhenTheHoldLapses() {
    WaitingListEntry first = waiting(novak, idCard);
    WaitingListEntry second = waiting(null, idCard);
    cancel(novaksDay.get(2));
    match();
    Reservation hold = hall.storage.reservations().find(now(first).hold()).orElseThrow();
    ManageToken firstLink = offerLink(first);

    assertThat(hall.free(novak, idCard, TUESDAY)).isEmpty();
    assertThatThrownBy(() -> hall.book(novak, idCard, hold.start())).isInstanceOf(SlotTaken.class);
    assertThat(now(second).status()).isEqualTo(WaitingListStatus.ACTIVE);

    hall.clock.advance(Duration.ofMinutes(29));
    match();
    assertThat(now(first).status()).isEqualTo(WaitingListStatus.OFFERED);
    hall.clock.advance(Duration.ofMinutes(1));
    match();

    assertThat(now(first).status()).isEqualTo(WaitingListStatus.LAPSED);
    assertThat(hall.reservation(hold).status()).isEqualTo(Status.RELEASED);
    WaitingListEntry next = now(second);
    assertThat(next.status()).isEqualTo(WaitingListStatus.OFFERED);
    assertThat(hall.storage.reservations().find(next.hold()).orElseThrow().start()).isEqualTo(hold.start());
    assertThatThrownBy(() -> list().take(firstLink)).isInstanceOf(StateConflict.class);
  }

  @Test
  void takingTheOfferMakesAnActiveReservationAndEndsTheEntry() {
    WaitingListEntry entry = waiting(novak, idCard);
    cancel(novaksDay.get(3));
    match();
    kinds();
    ManageToken link = offerLink(entry);
    assertThat(list().offer(link).hold().start()).isEqualTo(at("08:45"));

    Booked booked = list().take(link);

    assertThat(booked.reservation().status()).isEqualTo(Status.ACTIVE);
    assertThat(booked.reservation().citizen()).isEqualTo(entry.citizen());
    assertThat(hall.diary.managingOwnReservation().view(booked.token()).id()).isEqualTo(booked.reservation().id());
    assertThat(now(entry).status()).isEqualTo(WaitingListStatus.TAKEN);
    assertThat(kinds()).contains(MessageKind.CONFIRMATION);
    assertThatThrownBy(() -> list().take(link)).isInstanceOf(StateConflict.class);
    assertThat(hall.free(novak, idCard, TUESDAY)).isEmpty();
  }

  @Test
  void decliningPassesTheTimeOnAtOnce() {
    WaitingListEntry first = waiting(novak, idCard);
    WaitingListEntry second = waiting(novak, idCard);
    cancel(novaksDay.get(0));
    match();

    assertThat(list().decline(offerLink(first)).status()).isEqualTo(WaitingListStatus.DECLINED);
    match();

    assertThat(now(second).status()).isEqualTo(WaitingListStatus.OFFERED);
  }

  @Test
  void anEntryExpiresAtTheEndOfItsRange() {
    WaitingListEntry entry = waiting(novak, idCard);
    hall.clock.set(LocalDate.of(2027, 3, 3).atStartOfDay(TownHall.PRAGUE).toInstant().minusSeconds(1));
    match();
    assertThat(now(entry).status()).isEqualTo(WaitingListStatus.ACTIVE);

    hall.clock.advance(Duration.ofSeconds(1));
    match();

    assertThat(now(entry).status()).isEqualTo(WaitingListStatus.EXPIRED);
  }

  @Test
  void entriesCountWithReservationsAndHaveACapOfTheirOwn() {
    Citizen citizen = hall.citizen();
    for (int i = 0; i < 3; i++) {
      list().join(wish(novak, idCard, citizen));
    }
    assertThatThrownBy(() -> list().join(wish(novak, idCard, citizen)))
        .isInstanceOfSatisfying(PolicyViolated.class,
            e -> assertThat(e.policy()).isEqualTo(Policy.TOO_MANY_WAITING_LIST_ENTRIES));

    Citizen booker = hall.citizen();
    hall.diary.booking().book(TownHall.request(novak, idCard, local("2027-03-09T08:00"), booker));
    list().join(wish(novak, idCard, booker));
    list().join(wish(dvorak, idCard, booker));
    assertThatThrownBy(() -> list().join(wish(novak, idCard, booker)))
        .isInstanceOfSatisfying(PolicyViolated.class, e -> assertThat(e.policy()).isEqualTo(Policy.TOO_MANY_RESERVATIONS));
    assertThatThrownBy(() -> hall.book(novak, idCard, local("2027-03-09T08:15"), booker))
        .as("a booking counts the entries too").isInstanceOf(PolicyViolated.class);
  }

  /** Issue 14 item 6: the waiting list counts by mailbox as the bookings do, so +tags and Gmail dots are one person. */
  @Test
  void entriesOfOneMailboxCountTogetherHoweverItsAddressIsSpelt() {
    for (String spelling : List.of("eva.nova+1@gmail.com", "EvaNova+2@googlemail.com", "e.v.a.nova@GMAIL.com")) {
      list().join(wish(novak, idCard, new Citizen("Eva Nová", spelling, null)));
    }
    assertThatThrownBy(() -> list().join(wish(novak, idCard, new Citizen("Eva Nová", "evanova@gmail.com", null))))
        .isInstanceOfSatisfying(PolicyViolated.class,
            e -> assertThat(e.policy()).isEqualTo(Policy.TOO_MANY_WAITING_LIST_ENTRIES));
    assertThatThrownBy(() -> hall.book(novak, idCard, local("2027-03-09T08:15"), new Citizen("Eva", "evanova+3@gmail.com", null)))
        .as("a booking counts the entries of the same mailbox").isInstanceOf(PolicyViolated.class);
    assertThat(hall.storage.waitingList().liveOfEmail("EVANOVA+zzz@gmail.com")).extracting(e -> e.citizen().email())
        .as("kept as typed, for sending mail")
        .containsExactlyInAnyOrder("eva.nova+1@gmail.com", "EvaNova+2@googlemail.com", "e.v.a.nova@GMAIL.com");
  }

  /** Issue 14 item 5: joining on the web mails a confirmation, so it counts against the mailbox's day too. */
  @Test
  void joiningCountsAgainstTheMailboxsDailyMessages() {
    Citizen flooded = new Citizen("Eva", "zaplavena@example.cz", null);
    for (int i = 0; i < CivicDiary.MESSAGES_PER_MAILBOX_PER_DAY; i++) {
      cancel(hall.diary.booking().book(TownHall.request(novak, idCard, local("2027-03-09T08:00"),
          new Citizen("Eva", "zaplavena+" + i + "@example.cz", null))));
    }
    assertThatThrownBy(() -> list().join(wish(novak, idCard, flooded)))
        .isInstanceOfSatisfying(PolicyViolated.class, e -> assertThat(e.policy()).isEqualTo(Policy.TOO_MANY_MESSAGES));
    assertThat(hall.storage.waitingList().liveOfEmail(flooded.email())).isEmpty();
  }

  @Test
  void aRangeInThePastOrBeyondTheHorizonIsRefusedAndNothingIsWritten() {
    Citizen citizen = hall.citizen();
    var before = hall.state();
    assertThatThrownBy(() -> list().join(new WaitingListRequest(novak, idCard, LocalDate.of(2027, 2, 28),
        TUESDAY, citizen, "x", Channel.WEB, Language.CS)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("firstDay"));
    assertThatThrownBy(() -> list().join(new WaitingListRequest(novak, idCard, TUESDAY,
        TUESDAY.plusDays(60), citizen, "x", Channel.WEB, Language.CS)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("lastDay"));
    assertThat(hall.state()).isEqualTo(before);
    assertThat(hall.storage.waitingList().liveOfEmail(citizen.email())).isEmpty();
  }

  @Test
  void aCallerWithoutEmailWaitsAtOnceAndStaffTakeTheOfferForThem() {
    WaitingListEntry entry = list().joinForCaller(OPERATOR, new WaitingListRequest(novak, idCard, TUESDAY, TUESDAY,
        new Citizen("Caller", null, "+420 777 123 456"), "Passport", Channel.PHONE, Language.CS));
    assertThat(entry.status()).isEqualTo(WaitingListStatus.ACTIVE);
    cancel(novaksDay.get(0));
    match();
    assertThat(now(entry).status()).isEqualTo(WaitingListStatus.OFFERED);
    assertThat(kinds()).doesNotContain(MessageKind.WAITING_LIST_OFFER);
    assertThat(list().list(OPERATOR, CIVIL, novak, idCard, false)).extracting(WaitingListEntry::id)
        .containsExactly(entry.id());
    assertThatThrownBy(() -> list().list(officialMember(dvorak), CIVIL, novak, null, false))
        .isInstanceOf(NotPermitted.class);

    Booked booked = list().takeForCaller(OPERATOR, entry.id());

    assertThat(booked.reservation().status()).isEqualTo(Status.ACTIVE);
    assertThat(booked.reservation().channel()).isEqualTo(Channel.PHONE);
    assertThat(now(entry).status()).isEqualTo(WaitingListStatus.TAKEN);
  }
}
