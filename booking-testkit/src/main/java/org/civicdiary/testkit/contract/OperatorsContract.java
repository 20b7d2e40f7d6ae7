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
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.TUESDAY_10;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.PolicyViolated.Policy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WorkNote;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, bookings by phone and by operators, on a real storage: a phone booking needs a way to
 * reach the caller unless marked; the operators' work notes and contact attempts are kept apart from
 * the citizen's note and go with the citizen's data; the office's daily limit per address and
 * official is stored with the office and holds. An adapter's test extends this class.
 */
public abstract class OperatorsContract {
  private static final StaffMember OPERATOR = new StaffMember("olga.operator", Role.OPERATOR, null);
  private static final StaffMember NOVAK_HIMSELF = new StaffMember("jan.novak", Role.OFFICIAL, NOVAK);
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

  private BookingRequest byPhone(Instant start, Citizen caller, boolean withoutContact) {
    return new BookingRequest(NOVAK, ID_CARD, start, caller, "Občanský průkaz", Channel.PHONE, Language.CS,
        withoutContact);
  }

  private long stored() {
    return storage.reservations().search(new ReservationSearch(null, null, null, null, null, null, 1000)).size();
  }

  @Test
  void aPhoneBookingWithNoContactIsRefusedUnlessMarked() {
    long before = stored();
    assertThatThrownBy(() -> diary.booking().bookForCaller(OPERATOR,
        byPhone(TUESDAY_10, new Citizen("Jan Volající", null, null), false)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("phone"));
    assertThat(stored()).isEqualTo(before);

    Booked inPerson = diary.booking().bookForCaller(OPERATOR,
        byPhone(TUESDAY_10, new Citizen("Jan Osobně", null, null), true));
    Booked reachable = diary.booking().bookForCaller(OPERATOR,
        byPhone(TUESDAY_10.plus(SLOT), new Citizen("Eva Volající", null, "+420 601 111 222"), false));

    assertThat(storage.reservations().find(inPerson.reservation().id()).orElseThrow().citizen())
        .isEqualTo(new Citizen("Jan Osobně", null, null));
    assertThat(storage.reservations().find(reachable.reservation().id()).orElseThrow().citizen().phone())
        .isEqualTo("+420 601 111 222");
    assertThat(storage.auditLog().latest(10)).anySatisfy(e -> {
      assertThat(e.subject()).isEqualTo(inPerson.reservation().id().toString());
      assertThat(e.after()).contains("contact=none-by-mark");
    });
  }

  @Test
  void workNotesAreKeptOldestFirstApartFromTheCitizensNote() {
    Booked booked = diary.booking().bookForCaller(OPERATOR,
        byPhone(TUESDAY_10, new Citizen("Eva Volající", null, "+420 601 111 222"), false));
    ReservationId id = booked.reservation().id();

    WorkNote called = diary.workingTheWorklist().addNote(OPERATOR, id, WorkNote.Kind.CONTACT_ATTEMPT,
        "Voláno, nezvedá to.");
    clock.advance(Duration.ofMinutes(30));
    WorkNote later = diary.workingTheWorklist().addNote(OPERATOR, id, WorkNote.Kind.NOTE,
        "Paní chce jen odpoledne <b>po 14:00</b>.\nZkusit zítra.");

    assertThat(diary.workingTheWorklist().notes(OPERATOR, id)).containsExactly(called, later);
    assertThat(called.at()).isEqualTo(NOW);
    assertThat(called.author()).isEqualTo("olga.operator");
    assertThat(later.at()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    // Nothing of it reaches the citizen: the reservation's own note is untouched.
    assertThat(storage.reservations().find(id).orElseThrow().note()).isNull();
    assertThat(storage.auditLog().latest(10)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("reservation.work-note");
      assertThat(e.after()).isEqualTo("kind=CONTACT_ATTEMPT").doesNotContain("Voláno");
    });
  }

  @Test
  void aWorkNoteOfNoReservationOrWithoutWordsIsRefusedAndChangesNothing() {
    Booked booked = diary.booking().bookForCaller(OPERATOR,
        byPhone(TUESDAY_10, new Citizen("Eva Volající", null, "+420 601 111 222"), false));
    ReservationId id = booked.reservation().id();

    assertThatThrownBy(() -> diary.workingTheWorklist().addNote(OPERATOR, ReservationId.random(),
        WorkNote.Kind.NOTE, "nic")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> diary.workingTheWorklist().notes(OPERATOR, ReservationId.random()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> diary.workingTheWorklist().addNote(OPERATOR, id, WorkNote.Kind.NOTE, "  "))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("body"));
    assertThatThrownBy(() -> diary.workingTheWorklist().addNote(OPERATOR, id, null, "x"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("kind"));
    assertThatThrownBy(() -> diary.workingTheWorklist().addNote(OPERATOR, id, WorkNote.Kind.NOTE,
        "x".repeat(WorkNote.BODY_LIMIT + 1))).isInstanceOfSatisfying(InvalidInput.class,
            e -> assertThat(e.field()).isEqualTo("body"));
    assertThatThrownBy(() -> diary.workingTheWorklist().addNote(NOVAK_HIMSELF, id, WorkNote.Kind.NOTE, "x"))
        .isInstanceOf(NotPermitted.class);
    assertThat(storage.reservations().workNotes(id)).isEmpty();
  }

  @Test
  void workNotesGoWithTheCitizensDataAtAnonymisation() {
    Reservation old = Fixtures.reservation(NOVAK, NOW.minus(Duration.ofDays(200)), "stara@example.cz");
    Reservation recent = Fixtures.reservation(NOVAK, TUESDAY_10, "nova@example.cz");
    storage.transactions().run(() -> {
      storage.reservations().add(old, SLOT);
      storage.reservations().add(recent, SLOT);
      storage.reservations().addWorkNote(new WorkNote(old.id(), WorkNote.Kind.CONTACT_ATTEMPT, "Paní Procházková nebere telefon",
          "olga.operator", NOW));
      storage.reservations().addWorkNote(new WorkNote(recent.id(), WorkNote.Kind.NOTE, "Zavolat zítra", "olga.operator",
          NOW));
    });

    storage.transactions().run(() -> storage.reservations().anonymiseEndedBefore(NOW.minus(Duration.ofDays(90)), NOW));

    assertThat(storage.reservations().workNotes(old.id())).isEmpty();
    assertThat(storage.reservations().workNotes(recent.id())).extracting(WorkNote::body).containsExactly("Zavolat zítra");
    assertThatThrownBy(() -> storage.reservations().addWorkNote(new WorkNote(ReservationId.random(), WorkNote.Kind.NOTE,
        "x", "olga.operator", NOW))).isInstanceOf(NotFound.class);
  }

  @Test
  void theDailyLimitPerAddressAndOfficialIsKeptWithTheOfficeAndHolds() {
    Office office = storage.directory().office(Fixtures.OFFICE).orElseThrow();
    assertThat(office.policy().maxDailyPerEmail()).isEqualTo(1);
    storage.transactions().run(() -> storage.directory().save(new Office(office.id(), office.name(), office.zone(),
        office.slotLength(), office.place(), office.phones(), office.policy().withMaxDailyPerEmail(2))));
    assertThat(storage.directory().office(Fixtures.OFFICE).orElseThrow().policy().maxDailyPerEmail()).isEqualTo(2);

    Citizen eva = new Citizen("Eva", "eva@example.cz", null);
    for (int i = 0; i < 2; i++) {
      diary.booking().book(new BookingRequest(NOVAK, ID_CARD, TUESDAY_10.plus(SLOT.multipliedBy(i)), eva, "t",
          Channel.WEB, Language.CS));
    }
    assertThatThrownBy(() -> diary.booking().bookForCaller(OPERATOR, byPhone(TUESDAY_10.plus(SLOT.multipliedBy(2)),
        eva, false))).isInstanceOfSatisfying(PolicyViolated.class,
            e -> assertThat(e.policy()).isEqualTo(Policy.TOO_MANY_THE_SAME_DAY));
    assertThat(storage.reservations().openOfEmail("eva@example.cz")).hasSize(2);
  }
}
