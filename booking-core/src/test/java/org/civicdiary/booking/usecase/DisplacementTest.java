/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.booking.usecase.TownHall.ADMIN;
import static org.civicdiary.booking.usecase.TownHall.OPERATOR;
import static org.civicdiary.booking.usecase.TownHall.PRAGUE;
import static org.civicdiary.booking.usecase.TownHall.local;
import static org.civicdiary.booking.usecase.TownHall.weekly;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisplacementTest {
  private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);
  private TownHall hall;
  private OfficialId novak;
  private OfficialId dvorak;
  private AgendaId idCard;
  private AgendaId pair;

  @BeforeEach
  void townHall() {
    hall = TownHall.at("2027-03-01T06:00:00Z");
    novak = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"));
    dvorak = hall.official("dvorak", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"));
    OfficialId svoboda = hall.official("svoboda", false, weekly(DayOfWeek.TUESDAY, "08:00", "12:00"));
    OfficialId cerny = hall.official("cerny", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"));
    idCard = hall.agenda("id-card", 1, novak, dvorak, svoboda);
    pair = hall.agenda("passport", 2, novak, dvorak, svoboda);
    hall.agenda("building-permit", 1, cerny);
  }

  private Booked book(OfficialId official, AgendaId agenda, String time) {
    return hall.book(official, agenda, local(TUESDAY + "T" + time));
  }

  private static List<String> officialAndTime(List<FreeSlot> slots) {
    return slots.stream().map(s -> s.official() + "@" + LocalTime.ofInstant(s.start(), PRAGUE)).toList();
  }

  private List<Reservation> displacedBy(List<OutboxMessage> messages) {
    return messages.stream().filter(m -> m.kind() == MessageKind.DISPLACED)
        .map(m -> hall.storage.reservations().find(m.reservation()).orElseThrow()).toList();
  }

  @Test
  void illnessDisplacesExactlyTheReservationsInsideItAndListsThemWithProposals() {
    Booked justBefore = book(novak, idCard, "08:45");
    Booked partlyInside = book(novak, idCard, "09:00");
    Booked cancelled = book(novak, idCard, "09:15");
    hall.diary.managingOwnReservation().cancel(cancelled.token());
    Booked longInside = book(novak, pair, "09:30");
    Booked justAfter = book(novak, idCard, "10:00");
    Booked colleague = book(dvorak, idCard, "09:00");
    hall.takeMessages();

    Displacement displacement = hall.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(novak,
        local(TUESDAY + "T09:10"), local(TUESDAY + "T10:00"), AbsenceKind.ILLNESS, "nemoc"));

    assertThat(displacement.displaced()).extracting(Reservation::id)
        .containsExactly(partlyInside.reservation().id(), longInside.reservation().id());
    assertThat(hall.reservation(partlyInside.reservation()).status()).isEqualTo(Status.DISPLACED);
    assertThat(hall.reservation(longInside.reservation()).status()).isEqualTo(Status.DISPLACED);
    for (Booked untouched : List.of(justBefore, justAfter, colleague)) {
      assertThat(hall.reservation(untouched.reservation()).status()).isEqualTo(Status.ACTIVE);
    }
    assertThat(hall.reservation(cancelled.reservation()).status()).isEqualTo(Status.CANCELLED);
    List<OutboxMessage> messages = hall.takeMessages();
    assertThat(messages).extracting(OutboxMessage::kind).containsOnly(MessageKind.DISPLACED);
    assertThat(displacedBy(messages)).extracting(Reservation::id)
        .containsExactlyInAnyOrder(partlyInside.reservation().id(), longInside.reservation().id());
    Worklist worklist = hall.diary.workingTheWorklist().worklist(OPERATOR);
    List<String> heldForDisplaced = worklist.displaced().stream().flatMap(i -> i.proposals().stream())
        .map(p -> p.official() + "@" + LocalTime.ofInstant(p.start(), PRAGUE)).toList();
    assertThat(hall.held()).extracting(b -> b.official() + "@" + LocalTime.ofInstant(b.start(), PRAGUE))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.concat(List.of("novak@08:45", "novak@10:00", "dvorak@09:00").stream(),
                heldForDisplaced.stream()).toList());

    assertThat(worklist.displaced()).extracting(i -> i.reservation().id())
        .containsExactly(partlyInside.reservation().id(), longInside.reservation().id());
    // The nearest free times with the same official first, then with the colleague who handles the
    // agenda (never the inactive colleague, never one who does not handle it, never the ill time),
    // shown by start; held for the first citizen, so the second is proposed other times.
    assertThat(officialAndTime(worklist.displaced().get(0).proposals())).containsExactly(
        "novak@08:00", "novak@08:15", "dvorak@08:30", "novak@08:30", "dvorak@08:45", "dvorak@09:15");
    List<FreeSlot> second = worklist.displaced().get(1).proposals();
    assertThat(second).hasSize(6).extracting(FreeSlot::start).isSorted();
    assertThat(officialAndTime(second)).doesNotContainAnyElementsOf(officialAndTime(worklist.displaced().get(0).proposals()));
    for (WorklistItem item : worklist.displaced()) {
      for (FreeSlot proposal : item.proposals()) {
        assertThat(hall.held()).contains(new BusyTime(proposal.official(), proposal.start(), proposal.end()));
      }
    }
  }

  @Test
  void operatorMovesOneAndTheCitizenAcceptsAProposalForTheOther() {
    Booked first = book(novak, idCard, "09:00");
    Booked second = book(novak, pair, "09:30");
    hall.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(novak,
        local(TUESDAY + "T09:00"), local(TUESDAY + "T10:00"), AbsenceKind.ILLNESS, null));
    hall.takeMessages();
    List<WorklistItem> items = hall.diary.workingTheWorklist().worklist(OPERATOR).displaced();
    FreeSlot toColleague = items.get(0).proposals().stream().filter(p -> p.official().equals(dvorak)).findFirst().orElseThrow();

    Reservation moved = hall.diary.handlingReservations().move(OPERATOR, first.reservation().id(),
        toColleague.official(), toColleague.start(), "agreed on the phone");

    assertThat(moved.status()).isEqualTo(Status.ACTIVE);
    assertThat(moved.official()).isEqualTo(dvorak);
    assertThat(moved.start()).isEqualTo(toColleague.start());
    assertThat(hall.takeMessages()).filteredOn(m -> m.kind() == MessageKind.RESCHEDULED)
        .singleElement().satisfies(m -> assertThat(m.note()).isEqualTo("agreed on the phone"));

    List<FreeSlot> offered = hall.diary.managingOwnReservation().proposals(second.token());
    assertThat(offered).isEqualTo(items.get(1).proposals());
    Reservation displaced = hall.diary.managingOwnReservation().view(second.token());
    assertThat(hall.diary.managingOwnReservation().changeable(displaced)).isTrue();
    assertThatThrownBy(() -> hall.diary.managingOwnReservation().acceptProposal(second.token(),
        offered.get(0).official(), offered.get(0).start().minusSeconds(15 * 60 * 97)))
        .as("a time that is not proposed now").isInstanceOf(StateConflict.class);
    Reservation accepted = hall.diary.managingOwnReservation().acceptProposal(second.token(),
        offered.get(0).official(), offered.get(0).start());

    assertThat(accepted.status()).isEqualTo(Status.ACTIVE);
    assertThat(accepted.end()).isEqualTo(offered.get(0).end());
    assertThat(hall.diary.workingTheWorklist().worklist(OPERATOR).displaced()).isEmpty();
    assertThat(hall.diary.managingOwnReservation().proposals(second.token())).isEmpty();
    assertThat(hall.held()).hasSize(2);
    Reservation cancelled = hall.diary.managingOwnReservation().cancel(second.token());
    assertThat(hall.diary.managingOwnReservation().changeable(cancelled)).isFalse();
  }

  @Test
  void scheduleChangeDisplacesTheBookedTimeItRemovesFromItsFirstDayOn() {
    Booked thisWeekLate = book(novak, idCard, "11:30");
    Booked nextWeekEarly = hall.book(novak, idCard, local("2027-03-09T08:00"));
    Booked nextWeekLate = hall.book(novak, idCard, local("2027-03-09T10:00"));
    Booked nextWeekLatest = hall.book(novak, pair, local("2027-03-09T11:30"));
    hall.takeMessages();

    // From 9 March on, Tuesdays end at ten.
    Displacement displacement = hall.diary.changingSchedule().replaceWindows(ADMIN, novak, List.of(
        new Window(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0), TownHall.SINCE, LocalDate.of(2027, 3, 8), Set.of(), null),
        Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(10, 0), LocalDate.of(2027, 3, 9))));

    assertThat(displacement.displaced()).extracting(Reservation::id)
        .containsExactly(nextWeekLate.reservation().id(), nextWeekLatest.reservation().id());
    assertThat(hall.reservation(thisWeekLate.reservation()).status()).isEqualTo(Status.ACTIVE);
    assertThat(hall.reservation(nextWeekEarly.reservation()).status()).isEqualTo(Status.ACTIVE);
    assertThat(displacedBy(hall.takeMessages())).extracting(Reservation::id)
        .containsExactlyInAnyOrder(nextWeekLate.reservation().id(), nextWeekLatest.reservation().id());

    TownHall.State before = hall.state();
    assertThatThrownBy(() -> hall.diary.handlingReservations().cancel(OPERATOR, nextWeekLate.reservation().id(), " "))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("note"));
    assertThat(hall.state()).isEqualTo(before);
    Reservation cancelled = hall.diary.handlingReservations().cancel(OPERATOR, nextWeekLate.reservation().id(),
        "Paní Nováková zavolala, že přijde na pobočku.");

    assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
    assertThat(hall.takeMessages()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MessageKind.CANCELLED_BY_OFFICE);
      assertThat(m.note()).isEqualTo("Paní Nováková zavolala, že přijde na pobočku.");
    });
    assertThat(hall.diary.workingTheWorklist().worklist(OPERATOR).displaced()).extracting(i -> i.reservation().id())
        .containsExactly(nextWeekLatest.reservation().id());
  }

  @Test
  void deactivatingAnOfficialDisplacesTheirReservationsToComeAndProposesOnlyColleagues() {
    Booked booked = book(novak, idCard, "09:00");
    hall.takeMessages();

    Displacement displacement = hall.diary.administering().saveOfficial(ADMIN,
        new Official(novak, TownHall.CIVIL, "Jan Novák", "101", null, false));

    assertThat(displacement.displaced()).extracting(Reservation::id).containsExactly(booked.reservation().id());
    assertThat(displacedBy(hall.takeMessages())).extracting(Reservation::id).containsExactly(booked.reservation().id());
    assertThat(hall.diary.managingOwnReservation().proposals(booked.token()))
        .isNotEmpty().allMatch(p -> p.official().equals(dvorak));
  }

  @Test
  void removingTheAbsenceLeavesItsDisplacedReservationsOnTheWorklist() {
    Booked booked = book(novak, idCard, "09:00");
    Displacement displacement = hall.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(novak,
        local(TUESDAY + "T08:00"), local(TUESDAY + "T12:00"), AbsenceKind.TRAINING, "školení"));

    hall.diary.recordingAbsence().remove(OPERATOR, org.civicdiary.booking.model.AbsenceId.parse(displacement.subject()));

    assertThat(hall.diary.workingTheWorklist().worklist(OPERATOR).displaced()).extracting(i -> i.reservation().id())
        .containsExactly(booked.reservation().id());
    // Its proposals stay held for the citizen (undoing with restore is RestoringTest's matter).
    List<FreeSlot> proposals = hall.diary.managingOwnReservation().proposals(booked.token());
    assertThat(hall.free(novak, idCard, TUESDAY)).hasSize(16 - (int) proposals.stream()
        .filter(p -> p.official().equals(novak) && LocalDate.ofInstant(p.start(), PRAGUE).equals(TUESDAY))
        .count());
  }

  @Test
  void illnessRecordedDuringTheDayLeavesTheMeetingsThatHaveBegunAlone() {
    Booked past = book(novak, idCard, "08:00");
    Booked underway = book(novak, pair, "09:00");
    Booked ahead = book(novak, idCard, "11:00");
    hall.clock.set(local(TUESDAY + "T09:15"));

    Displacement displacement = hall.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(novak,
        local(TUESDAY + "T08:00"), local(TUESDAY + "T12:00"), AbsenceKind.ILLNESS, "went home ill"));

    assertThat(displacement.displaced()).extracting(Reservation::id).containsExactly(ahead.reservation().id());
    assertThat(hall.reservation(past.reservation()).status()).isEqualTo(Status.ACTIVE);
    assertThat(hall.reservation(underway.reservation()).status()).isEqualTo(Status.ACTIVE);
  }
}
