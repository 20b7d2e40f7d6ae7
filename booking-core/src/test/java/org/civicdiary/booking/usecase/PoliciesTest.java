/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.booking.usecase.TownHall.ADMIN;
import static org.civicdiary.booking.usecase.TownHall.CIVIL;
import static org.civicdiary.booking.usecase.TownHall.OPERATOR;
import static org.civicdiary.booking.usecase.TownHall.local;
import static org.civicdiary.booking.usecase.TownHall.officialMember;
import static org.civicdiary.booking.usecase.TownHall.request;
import static org.civicdiary.booking.usecase.TownHall.weekly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.PolicyViolated.Policy;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotNotBookable.Reason;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.error.TokenInvalid;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WalkInHours;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every policy and every field a caller can get wrong: a typed error naming it, and nothing changed. */
class PoliciesTest {
  private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);
  private TownHall hall;
  private OfficialId novak;
  private OfficialId dvorak;
  private AgendaId idCard;
  private AgendaId pair;
  private AgendaId permit;
  private Booked someoneElses;

  @BeforeEach
  void townHall() {
    hall = TownHall.at("2027-03-01T06:00:00Z");
    novak = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"), weekly(DayOfWeek.WEDNESDAY, "08:00", "12:00"));
    dvorak = hall.official("dvorak", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"), weekly(DayOfWeek.WEDNESDAY, "08:00", "12:00"));
    idCard = hall.agenda("id-card", 1, novak, dvorak);
    pair = hall.agenda("passport", 2, novak, dvorak);
    permit = hall.agenda("building-permit", 1, dvorak);
    // Something in every store, so that "nothing changed" compares more than empty lists.
    someoneElses = hall.book(dvorak, idCard, at("11:45"));
  }

  /** A policy that lets one address hold many meetings a day with one official. */
  private static final BookingPolicy ALL_DAY_LONG = BookingPolicy.DEFAULT.withMaxDailyPerEmail(10);

  private static Instant at(String time) {
    return local(TUESDAY + "T" + time);
  }

  private static Citizen eva(String email) {
    return new Citizen("Eva Nováková", email, null);
  }

  /** Asserts the call fails with the error as described and leaves every store as it was. */
  private <E extends Throwable> void refused(ThrowingCallable call, Class<E> type, Consumer<E> described) {
    TownHall.State before = hall.state();
    assertThatThrownBy(call).isInstanceOfSatisfying(type, described);
    assertThat(hall.state()).isEqualTo(before);
  }

  private void refusedAs(ThrowingCallable call, String field) {
    refused(call, InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  private void refusedBy(ThrowingCallable call, Policy policy, String field) {
    refused(call, PolicyViolated.class, e -> {
      assertThat(e.policy()).isEqualTo(policy);
      assertThat(e.field()).isEqualTo(field);
    });
  }

  private void refusedFor(ThrowingCallable call, Reason reason) {
    refused(call, SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  // ---- the office's policies ---------------------------------------------------------------------

  @Test
  void atMostThreeOpenReservationsPerEmailAddressWhateverItsCase() {
    hall.policy(ALL_DAY_LONG); // only the other limits bind here
    Booked first = hall.book(novak, idCard, at("08:00"), eva("Eva@Example.cz"));
    hall.book(novak, idCard, at("08:30"), eva("eva@example.cz"));
    hall.book(dvorak, idCard, at("09:00"), eva("EVA@EXAMPLE.CZ"));

    refusedBy(() -> hall.book(novak, idCard, at("10:00"), eva("eva@EXAMPLE.cz")), Policy.TOO_MANY_RESERVATIONS, "email");

    // A displaced reservation still needs the citizen: it counts. A cancelled one does not.
    hall.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(novak, at("08:00"), at("08:15"), AbsenceKind.BLOCK, null));
    assertThat(hall.reservation(first.reservation()).status()).isEqualTo(Status.DISPLACED);
    refusedBy(() -> hall.book(novak, idCard, at("10:00"), eva("eva@example.cz")), Policy.TOO_MANY_RESERVATIONS, "email");
    hall.diary.managingOwnReservation().cancel(first.token());
    assertThat(hall.book(novak, idCard, at("10:00"), eva("eva@example.cz")).reservation().status()).isEqualTo(Status.ACTIVE);
  }

  /** Issue 14 item 6: one mailbox is one citizen, whatever +tag, letter case or (at Gmail) dots its address has. */
  @Test
  void plusTagsAndGmailDotsCountAsOneMailbox() {
    hall.policy(ALL_DAY_LONG); // only the other limits bind here
    hall.book(novak, idCard, at("08:00"), eva("eva.nova+1@gmail.com"));
    hall.book(novak, idCard, at("08:30"), eva("EvaNova+2@googlemail.com"));
    hall.book(dvorak, idCard, at("09:00"), eva("E.V.A.Nova@Gmail.com"));

    refusedBy(() -> hall.book(novak, idCard, at("10:00"), eva("evanova@gmail.com")), Policy.TOO_MANY_RESERVATIONS, "email");
    refusedBy(() -> hall.book(novak, idCard, at("10:00"), eva("eva.nova+4@gmail.com")), Policy.TOO_MANY_RESERVATIONS, "email");
    assertThat(hall.book(novak, idCard, at("10:00"), eva("eva.nova+1@example.cz")).reservation().citizen().email())
        .as("another provider's dots are its own business, and the address stays as typed").isEqualTo("eva.nova+1@example.cz");
  }

  /**
   * Issue 14 item 5: a citizen's own actions send one mailbox at most the day's allowance of
   * messages; the one over it is refused (so a booking that stands always gets its confirmation),
   * on the next day it goes through, and staff are not held back.
   */
  @Test
  void aMailboxGetsAtMostItsDailyMessagesFromCitizensOwnActions() {
    int allowance = CivicDiary.MESSAGES_PER_MAILBOX_PER_DAY;
    Booked last = null;
    for (int i = 0; i < allowance; i++) {
      last = hall.book(novak, idCard, at("08:00"), eva("flood+" + i + "@gmail.com"));
      if (i < allowance - 1) {
        hall.diary.managingOwnReservation().cancel(last.token());
      }
    }
    refusedBy(() -> hall.book(dvorak, idCard, at("09:00"), eva("f.lood@gmail.com")), Policy.TOO_MANY_MESSAGES, "email");
    Booked moved = last;
    refusedBy(() -> hall.diary.managingOwnReservation().reschedule(moved.token(), novak, at("10:00")),
        Policy.TOO_MANY_MESSAGES, "email");
    BookingRequest byPhone = new BookingRequest(dvorak, idCard, at("09:00"), eva("flood@gmail.com"), "Občanka",
        Channel.PHONE, Language.CS);
    assertThat(hall.diary.booking().bookForCaller(OPERATOR, byPhone).reservation().status()).isEqualTo(Status.ACTIVE);

    hall.clock.advance(Duration.ofDays(1));
    assertThat(hall.diary.managingOwnReservation().reschedule(moved.token(), novak, at("10:00")).start())
        .as("a new day, a new allowance").isEqualTo(at("10:00"));
  }

  @Test
  void theLimitIsTheOffices() {
    hall = TownHall.at(Instant.parse("2027-03-01T06:00:00Z"), new BookingPolicy(60, Duration.ofHours(2), 1, 500, 90, Duration.ofDays(1), false));
    novak = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"));
    idCard = hall.agenda("id-card", 1, novak);
    hall.book(novak, idCard, at("08:00"), eva("eva@example.cz"));

    refusedBy(() -> hall.book(novak, idCard, at("10:00"), eva("eva@example.cz")), Policy.TOO_MANY_RESERVATIONS, "email");
  }

  /**
   * Anyone can type anyone's address, and the booking answer holds a manage link: a refusal only at
   * the times the address has a meeting would tell a stranger when that is. A citizen's own booking
   * and move answer the same whatever the time; only the count of open reservations limits them.
   */
  @Test
  void aCitizensOwnBookingAnswersTheSameWhateverTheAddressHasAtThatTime() {
    hall.policy(ALL_DAY_LONG); // only the other limits bind here
    Booked passport = hall.book(novak, pair, at("09:00"), eva("eva@example.cz"));

    Booked sameTime = hall.book(dvorak, idCard, at("09:15"), eva("EVA@example.cz"));
    assertThat(hall.reservation(sameTime.reservation()).status()).isEqualTo(Status.ACTIVE);
    Booked other = hall.book(dvorak, idCard, at("10:30"), eva("eva@example.cz"));
    assertThat(hall.diary.managingOwnReservation().reschedule(other.token(), novak, at("09:30")).start())
        .isEqualTo(at("09:30"));
    assertThat(hall.reservation(passport.reservation()).start()).isEqualTo(at("09:00"));
  }

  /** Staff see every reservation anyway: for them the overlap is named, so that the caller hears of it. */
  @Test
  void staffCannotBookOrMoveACallerIntoTwoMeetingsAtOnce() {
    Booked passport = hall.book(novak, pair, at("09:00"), eva("eva@example.cz"));
    BookingRequest byPhone = new BookingRequest(dvorak, idCard, at("09:15"), eva("EVA@example.cz"), "Občanka",
        Channel.PHONE, Language.CS);

    refusedBy(() -> hall.diary.booking().bookForCaller(OPERATOR, byPhone), Policy.OVERLAPPING_RESERVATION, "start");
    Booked other = hall.book(dvorak, idCard, at("09:30"), eva("eva@example.cz"));
    refusedBy(() -> hall.diary.handlingReservations().move(OPERATOR, other.reservation().id(), dvorak, at("09:15"), null),
        Policy.OVERLAPPING_RESERVATION, "start");
    assertThat(hall.reservation(passport.reservation()).start()).isEqualTo(at("09:00"));
  }

  @Test
  void topicLongerThanTheOfficeAllowsViolatesThePolicy() {
    refusedBy(() -> hall.book(novak, idCard, at("08:00"), eva("eva@example.cz"), "x".repeat(501)), Policy.TOPIC_TOO_LONG, "topic");
    assertThat(hall.book(novak, idCard, at("08:00"), eva("eva@example.cz"), " " + "x".repeat(500) + "\n").reservation().topic())
        .hasSize(500);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n\t", "Občanka\u0007", "Občanka\u0000", "\u202Eevil"})
  void topicMustSaySomethingAndHoldNoControlCharacters(String topic) {
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), eva("eva@example.cz"), topic), "topic");
  }

  @Test
  void topicBeyondAnyPolicyIsInvalid() {
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), eva("eva@example.cz"), "x".repeat(2001)), "topic");
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), eva("eva@example.cz"), null), "topic");
  }

  // ---- the citizen's contact -----------------------------------------------------------------------

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t", "x", "Eva\u0000", "Eva\nNováková", "Eva\r\nBcc: x", "Eva\u0085", "\u202EEva", "Eva\u2028Nováková"})
  void nameMustBePresentWithinTheLimitAndWithoutControlCharacters(String name) {
    String value = "x".equals(name) ? "x".repeat(Citizen.NAME_LIMIT + 1) : name;
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), new Citizen(value, "eva@example.cz", null)), "name");
  }

  @Test
  void nameIsTrimmedAndMayBeLongAndAccented() {
    String longest = "Ž".repeat(Citizen.NAME_LIMIT);
    assertThat(hall.book(novak, idCard, at("08:00"), new Citizen("  " + longest + " ", "a@example.cz", null))
        .reservation().citizen().name()).isEqualTo(longest);
    assertThat(new Citizen(" Jana Dvořáková-Šťastná ", null, null).name()).isEqualTo("Jana Dvořáková-Šťastná");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "eva", "eva@", "@example.cz", "eva@@example.cz", "eva@example", "eva novak@example.cz", "eva@exa mple.cz",
      "eva@example.cz\r\nBcc: all@example.cz", "eva@example.cz\nBcc: all@example.cz", "eva\r\n@example.cz",
      "eva@example.cz\u0000", "eva@example.cz%0D%0ABcc:all@example.cz", "Eva <eva@example.cz>",
      "eva@example.cz, petr@example.cz", "eva@example.cz;petr@example.cz", ".eva@example.cz", "eva.@example.cz",
      "eva..novak@example.cz", "eva@-example.cz", "eva@example-.cz", "eva@example..cz", "eva@.example.cz",
      "\"eva\"@example.cz", "eva@[127.0.0.1]"})
  void invalidEmailAddressesAreRefused(String email) {
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), eva(email)), "email");
  }

  @Test
  void overlongEmailAddressesAreRefused() {
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), eva("e".repeat(65) + "@example.cz")), "email");
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), eva("eva@" + (("a".repeat(60) + ".").repeat(5)) + "cz")), "email");
  }

  @Test
  void usualEmailAddressesAreAccepted() {
    for (String email : List.of("eva.novakova@praha6.cz", "eva+urad@example.cz", "o'brien@example.co.uk", "E_V-A@sub.example.cz")) {
      assertThat(eva(" " + email + " ").email()).isEqualTo(email);
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void webBookingNeedsAnEmailAddress(String email) {
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), eva(email)), "email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "+", "12", "++420 777 000 111", "+420 777 000 111 222 333 444 555", "777\n000 111",
      "777 000 111; DROP TABLE", "+420-777-000-111x"})
  void badPhoneNumbersAreRefused(String phone) {
    refusedAs(() -> hall.book(novak, idCard, at("08:00"), new Citizen("Eva", "eva@example.cz", phone)), "phone");
  }

  // ---- what the request points at --------------------------------------------------------------------

  @Test
  void unknownOfficialOrAgendaIsNotFound() {
    refused(() -> hall.book(OfficialId.of("nobody"), idCard, at("08:00")), NotFound.class,
        e -> assertThat(e.kind()).isEqualTo("official"));
    refused(() -> hall.book(novak, AgendaId.of("nothing"), at("08:00")), NotFound.class,
        e -> assertThat(e.kind()).isEqualTo("agenda"));
  }

  @Test
  void missingFieldsAreNamed() {
    refusedAs(() -> hall.diary.booking().book(new BookingRequest(null, idCard, at("08:00"), eva("e@example.cz"), "t", Channel.WEB, Language.CS)), "official");
    refusedAs(() -> hall.diary.booking().book(new BookingRequest(novak, null, at("08:00"), eva("e@example.cz"), "t", Channel.WEB, Language.CS)), "agenda");
    refusedAs(() -> hall.diary.booking().book(new BookingRequest(novak, idCard, null, eva("e@example.cz"), "t", Channel.WEB, Language.CS)), "start");
    refusedAs(() -> hall.diary.booking().book(new BookingRequest(novak, idCard, at("08:00"), null, "t", Channel.WEB, Language.CS)), "citizen");
    refusedAs(() -> hall.diary.booking().book(new BookingRequest(novak, idCard, at("08:00"), eva("e@example.cz"), "t", null, Language.CS)), "channel");
    refusedAs(() -> hall.diary.booking().book(new BookingRequest(novak, idCard, at("08:00"), eva("e@example.cz"), "t", Channel.WEB, null)), "language");
    refusedAs(() -> OfficialId.of("Nobody Here"), "official");
  }

  @Test
  void agendaTheOfficialDoesNotHandleIsNotBookableWithThem() {
    refusedFor(() -> hall.book(novak, permit, at("08:00")), Reason.AGENDA_NOT_HANDLED);
    refusedAs(() -> hall.free(novak, permit, TUESDAY), "agenda");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2027-03-02T07:07:00Z", "2027-03-02T07:00:30Z", "2027-03-02T07:00:00.001Z"})
  void startOffTheSlotGridIsMisaligned(String start) {
    refusedFor(() -> hall.book(novak, idCard, Instant.parse(start)), Reason.MISALIGNED);
  }

  @Test
  void startInThePastOrOutsideTheDiaryIsNotBookable() {
    refusedFor(() -> hall.book(novak, idCard, Instant.parse("2027-02-23T07:00:00Z")), Reason.TOO_SOON);
    refusedFor(() -> hall.book(novak, idCard, at("12:00")), Reason.OUTSIDE_DIARY);
    refusedFor(() -> hall.book(novak, pair, at("11:45")), Reason.OUTSIDE_DIARY);
  }

  // ---- manage tokens ------------------------------------------------------------------------------------

  @Test
  void tokenOfACancelledReservationCannotChangeItAgain() {
    Booked booked = hall.book(novak, idCard, at("08:00"));
    hall.diary.managingOwnReservation().cancel(booked.token());

    assertThat(hall.diary.managingOwnReservation().view(booked.token()).status()).isEqualTo(Status.CANCELLED);
    refused(() -> hall.diary.managingOwnReservation().cancel(booked.token()), StateConflict.class, e -> { });
    refused(() -> hall.diary.managingOwnReservation().reschedule(booked.token(), novak, at("09:00")), StateConflict.class, e -> { });
  }

  @Test
  void tokenOfAMeetingThatHasBegunOrTookPlaceCannotChangeIt() {
    Booked booked = hall.book(novak, idCard, at("08:00"));
    hall.clock.set(at("08:05"));
    refused(() -> hall.diary.managingOwnReservation().cancel(booked.token()), StateConflict.class, e -> { });
    hall.diary.handlingReservations().recordOutcome(OPERATOR, booked.reservation().id(), Status.COMPLETED);
    refused(() -> hall.diary.managingOwnReservation().reschedule(booked.token(), novak, at("10:00")), StateConflict.class, e -> { });
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"guess", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/", "' OR 1=1 --"})
  void guessedTokensOpenNothing(String guess) {
    refused(() -> hall.diary.managingOwnReservation().cancel(ManageToken.parse(guess)), TokenInvalid.class, e -> { });
    refused(() -> hall.diary.managingOwnReservation().view(ManageToken.parse(guess)), TokenInvalid.class, e -> { });
  }

  @Test
  void aFreshRandomTokenOpensNothing() {
    ManageToken guess = ManageToken.generate(new java.security.SecureRandom());
    refused(() -> hall.diary.managingOwnReservation().reschedule(guess, novak, at("09:00")), TokenInvalid.class, e -> { });
    refused(() -> hall.diary.managingOwnReservation().proposals(guess), TokenInvalid.class, e -> { });
  }

  // ---- roles --------------------------------------------------------------------------------------------

  @Test
  void anOfficialActsOnTheirOwnDiaryOnly() {
    StaffMember asNovak = officialMember(novak);
    Booked novaks = hall.book(novak, idCard, at("08:00"));
    BookingRequest byPhone = new BookingRequest(dvorak, idCard, at("09:00"), hall.citizen(), "t", Channel.PHONE, Language.CS);
    AbsenceId dvoraksAbsence = AbsenceId.parse(hall.diary.recordingAbsence().record(OPERATOR,
        new AbsenceRequest(dvorak, at("10:00"), at("10:30"), AbsenceKind.BLOCK, null)).subject());

    List<ThrowingCallable> calls = List.of(
        () -> hall.diary.handlingReservations().find(asNovak, someoneElses.reservation().id()),
        () -> hall.diary.handlingReservations().cancel(asNovak, someoneElses.reservation().id(), "no"),
        () -> hall.diary.handlingReservations().move(asNovak, someoneElses.reservation().id(), dvorak, at("08:00"), null),
        () -> hall.diary.handlingReservations().move(asNovak, novaks.reservation().id(), dvorak, at("08:00"), null),
        () -> hall.diary.handlingReservations().dayPlan(asNovak, dvorak, TUESDAY),
        () -> hall.diary.handlingReservations().recordOutcome(asNovak, someoneElses.reservation().id(), Status.NO_SHOW),
        () -> hall.diary.booking().bookForCaller(asNovak, byPhone),
        () -> hall.diary.recordingAbsence().record(asNovak,
            new AbsenceRequest(dvorak, at("08:00"), at("09:00"), AbsenceKind.HOLIDAY, null)),
        () -> hall.diary.recordingAbsence().remove(asNovak, dvoraksAbsence),
        () -> hall.diary.workingTheWorklist().worklist(asNovak));
    for (ThrowingCallable call : calls) {
      refused(call, NotPermitted.class, e -> { });
    }
    assertThat(hall.diary.handlingReservations().dayPlan(asNovak, novak, TUESDAY).reservations()).hasSize(1);
  }

  @Test
  void onlyAnAdministratorChangesTheConfiguration() {
    Office office = hall.storage.directory().office(TownHall.OFFICE).orElseThrow();
    Department department = hall.storage.directory().department(CIVIL).orElseThrow();
    Official official = hall.storage.directory().official(novak).orElseThrow();
    Agenda agenda = hall.storage.directory().agenda(idCard).orElseThrow();
    for (StaffMember actor : List.of(OPERATOR, officialMember(novak))) {
      List<ThrowingCallable> calls = List.of(
          () -> hall.diary.changingSchedule().replaceWindows(actor, novak, List.of()),
          () -> hall.diary.changingSchedule().replaceWalkInHours(actor, CIVIL,
              List.of(new WalkInHours(DayOfWeek.MONDAY, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(17, 0)))),
          () -> hall.diary.administering().saveOffice(actor, office),
          () -> hall.diary.administering().saveDepartment(actor, department),
          () -> hall.diary.administering().saveOfficial(actor, official),
          () -> hall.diary.administering().saveAgenda(actor, new Agenda(agenda.id(), CIVIL,
              LocalizedText.of("x", "x"), 1, Set.of(novak))));
      for (ThrowingCallable call : calls) {
        refused(call, NotPermitted.class, e -> { });
      }
    }
    hall.diary.administering().saveOfficial(ADMIN, official);
  }

  @Test
  void staffBookByPhoneOnlyAndCitizensOnTheWebOnly() {
    refusedAs(() -> hall.diary.booking().bookForCaller(OPERATOR, request(novak, idCard, at("08:00"), hall.citizen())), "channel");
    // Otherwise a citizen could leave out the e-mail address and with it the per-address limits.
    refusedAs(() -> hall.diary.booking().book(new BookingRequest(novak, idCard, at("08:00"),
        new Citizen("Eva", null, "+420 777 123 456"), "t", Channel.PHONE, Language.CS)), "channel");
  }

  /**
   * Issue 13: a phone booking needs a way to reach the caller, a phone number or an e-mail; without
   * either it is refused (naming the phone) unless the operator marks it as made without contact.
   * The mark is in the audit log; the web may not use it.
   */
  @Test
  void aPhoneBookingWithNoContactIsRefusedUnlessMarked() {
    Citizen nobody = new Citizen("Eva Nováková", null, null);
    refusedAs(() -> hall.diary.booking().bookForCaller(OPERATOR,
        new BookingRequest(novak, idCard, at("08:00"), nobody, "Občanka", Channel.PHONE, Language.CS)), "phone");
    refusedAs(() -> hall.diary.booking().book(new BookingRequest(novak, idCard, at("08:00"), eva("eva@example.cz"),
        "Občanka", Channel.WEB, Language.CS, true)), "withoutContact");

    Booked inPerson = hall.diary.booking().bookForCaller(OPERATOR,
        new BookingRequest(novak, idCard, at("08:00"), nobody, "Občanka", Channel.PHONE, Language.CS, true));
    Booked byPhone = hall.diary.booking().bookForCaller(OPERATOR, new BookingRequest(novak, idCard, at("08:15"),
        new Citizen("Jan Volající", null, "+420 601 123 456"), "Pas", Channel.PHONE, Language.CS));
    Booked byMail = hall.diary.booking().bookForCaller(OPERATOR, new BookingRequest(dvorak, idCard, at("08:15"),
        eva("eva@example.cz"), "Pas", Channel.PHONE, Language.CS));

    assertThat(List.of(inPerson, byPhone, byMail)).allMatch(b -> b.reservation().status() == Status.ACTIVE);
    assertThat(hall.storage.auditLog().latest(10)).anySatisfy(e -> {
      assertThat(e.subject()).isEqualTo(inPerson.reservation().id().toString());
      assertThat(e.after()).contains("contact=none-by-mark");
    });
  }

  /**
   * Issue 13: by default one address holds one meeting a day with one official, whether the citizen
   * books or an operator does (operators do not override it); another official that day, the same
   * official another day, and a move within the day are fine; a move into a day that already has one
   * is refused.
   */
  @Test
  void oneMeetingADayWithOneOfficialPerAddress() {
    Booked first = hall.book(novak, idCard, at("08:00"), eva("eva@example.cz"));

    refusedBy(() -> hall.book(novak, idCard, at("08:15"), eva("Eva@Example.cz")), Policy.TOO_MANY_THE_SAME_DAY, "email");
    refusedBy(() -> hall.diary.booking().bookForCaller(OPERATOR, new BookingRequest(novak, idCard, at("10:00"),
        eva("eva@example.cz"), "Pas", Channel.PHONE, Language.CS)), Policy.TOO_MANY_THE_SAME_DAY, "email");
    Booked otherOfficial = hall.book(dvorak, idCard, at("08:15"), eva("eva@example.cz"));
    Booked otherDay = hall.book(novak, idCard, local(TUESDAY.plusDays(1) + "T08:00"), eva("eva@example.cz"));

    refusedBy(() -> hall.diary.managingOwnReservation().reschedule(otherDay.token(), novak, at("10:00")),
        Policy.TOO_MANY_THE_SAME_DAY, "email");
    assertThat(hall.diary.managingOwnReservation().reschedule(first.token(), novak, at("10:00")).start())
        .isEqualTo(at("10:00"));
    assertThat(hall.reservation(otherOfficial.reservation()).status()).isEqualTo(Status.ACTIVE);
  }

  @Test
  void aCancellationByStaffNeedsANote() {
    Booked booked = hall.book(novak, idCard, at("08:00"));
    refusedAs(() -> hall.diary.handlingReservations().cancel(OPERATOR, booked.reservation().id(), null), "note");
    refusedAs(() -> hall.diary.handlingReservations().cancel(OPERATOR, booked.reservation().id(), "x".repeat(1001)), "note");
  }
}
