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
import static org.civicdiary.booking.usecase.TownHall.SINCE;
import static org.civicdiary.booking.usecase.TownHall.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotNotBookable.Reason;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Window;
import org.junit.jupiter.api.Test;

/** The phone share of windows: what the web and operators see, and what the web may take, before and after the release. */
class ChannelQuotasTest {
  /** Friday 5 March 2027, 09:00 to 10:00: four slots, two kept for the phone. */
  private static final LocalDate FRIDAY = LocalDate.of(2027, 3, 5);

  private static Window friday(int phoneSlots, int phonePercent) {
    return new Window(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), SINCE, null, Set.of(), null, phoneSlots,
        phonePercent);
  }

  private static List<Instant> starts(List<FreeSlot> slots) {
    return slots.stream().map(FreeSlot::start).toList();
  }

  private static Instant at(String time) {
    return local("2027-03-05T" + time);
  }

  @Test
  void aWindowKeepsItsPhoneShareAsSlotsOrAsAPercentageNotBoth() {
    assertThat(friday(2, 0).phoneShare(4)).isEqualTo(2);
    assertThat(friday(0, 50).phoneShare(5)).isEqualTo(2);
    assertThat(friday(0, 0).keepsPhoneShare()).isFalse();
    assertThat(friday(9, 0).phoneShare(4)).isEqualTo(4);
    assertThatThrownBy(() -> friday(1, 10)).isInstanceOfSatisfying(InvalidInput.class,
        e -> assertThat(e.field()).isEqualTo("phonePercent"));
    assertThatThrownBy(() -> friday(-1, 0)).isInstanceOfSatisfying(InvalidInput.class,
        e -> assertThat(e.field()).isEqualTo("phoneSlots"));
    assertThatThrownBy(() -> friday(0, 101)).isInstanceOfSatisfying(InvalidInput.class,
        e -> assertThat(e.field()).isEqualTo("phonePercent"));
    assertThatThrownBy(() -> BookingPolicy.DEFAULT.withPhoneShareRelease(Duration.ofHours(-1)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("phoneShareRelease"));
    assertThat(BookingPolicy.DEFAULT.phoneShareRelease()).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void aPhoneShareLargerThanTheWindowIsRefusedAndTheWindowsStayAsTheyWere() {
    TownHall hall = TownHall.at("2027-03-01T08:00:00Z");
    OfficialId novak = hall.official("novak", friday(2, 0));

    assertThatThrownBy(() -> hall.diary.changingSchedule().replaceWindows(ADMIN, novak, List.of(friday(5, 0))))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("windows[0].phoneSlots"));
    assertThat(hall.storage.diaries().windows(novak)).containsExactly(friday(2, 0));
    hall.diary.changingSchedule().replaceWindows(ADMIN, novak, List.of(friday(4, 0)));
    assertThat(hall.storage.diaries().windows(novak)).containsExactly(friday(4, 0));
  }

  @Test
  void aLongerMeetingIsOfferedOnTheWebOnlyWhereItFitsTheWebsShare() {
    TownHall hall = TownHall.at("2027-03-01T08:00:00Z");
    OfficialId novak = hall.official("novak", friday(2, 0));
    AgendaId passport = hall.agenda("passport", 2, novak);

    assertThat(starts(hall.free(novak, passport, FRIDAY))).containsExactly(at("09:00"));
    List<FreeSlot> staff = hall.diary.findingFreeSlots().ofOfficialForStaff(OPERATOR, novak, passport, FRIDAY, FRIDAY);
    assertThat(starts(staff)).containsExactly(at("09:00"), at("09:15"), at("09:30"));
    assertThat(staff).extracting(FreeSlot::phoneShare).containsExactly(false, true, true);
  }

  @Test
  void theOfficesReleaseLeadDecidesWhenTheWebMayTakeThePhoneShare() {
    // Released 24 hours ahead: on Wednesday the occurrence is still limited, on Thursday at 09:00 no longer.
    TownHall hall = TownHall.at(local("2027-03-03T09:00"), BookingPolicy.DEFAULT.withPhoneShareRelease(Duration.ofHours(24)));
    OfficialId novak = hall.official("novak", friday(2, 0));
    AgendaId card = hall.agenda("card", 1, novak);
    assertThat(starts(hall.free(novak, card, FRIDAY))).containsExactly(at("09:00"), at("09:15"));

    hall.clock.set(local("2027-03-04T08:59:59"));
    assertThat(starts(hall.free(novak, card, FRIDAY))).hasSize(2);
    hall.clock.set(local("2027-03-04T09:00"));
    assertThat(starts(hall.free(novak, card, FRIDAY))).hasSize(4);
  }

  @Test
  void aCitizensOwnMoveIntoATakenWebShareIsRefusedAnOperatorsMoveIsNot() {
    TownHall hall = TownHall.at("2027-03-01T08:00:00Z");
    OfficialId novak = hall.official("novak", friday(2, 0), TownHall.weekly(DayOfWeek.THURSDAY, "09:00", "10:00"));
    AgendaId card = hall.agenda("card", 1, novak);
    hall.book(novak, card, at("09:00"));
    hall.book(novak, card, at("09:15"));
    Booked thursday = hall.book(novak, card, local("2027-03-04T09:00"));

    assertThatThrownBy(() -> hall.diary.managingOwnReservation().reschedule(thursday.token(), novak, at("09:30")))
        .isInstanceOfSatisfying(SlotNotBookable.class, e -> assertThat(e.reason()).isEqualTo(Reason.PHONE_SHARE));
    assertThat(hall.reservation(thursday.reservation()).start()).isEqualTo(local("2027-03-04T09:00"));

    hall.diary.handlingReservations().move(OPERATOR, thursday.reservation().id(), novak, at("09:30"), "by phone");
    assertThat(hall.reservation(thursday.reservation()).start()).isEqualTo(at("09:30"));
  }

  @Test
  void aDisplacedCitizensProposalsOfferOnlyWhatTheWebMayTake() {
    TownHall hall = TownHall.at("2027-03-01T08:00:00Z");
    OfficialId novak = hall.official("novak", friday(2, 0), TownHall.weekly(DayOfWeek.THURSDAY, "09:00", "09:15"));
    AgendaId card = hall.agenda("card", 1, novak);
    hall.book(novak, card, at("09:00"));
    Booked thursday = hall.book(novak, card, local("2027-03-04T09:00"));

    hall.diary.recordingAbsence().record(ADMIN, new AbsenceRequest(novak, local("2027-03-04T08:00"),
        local("2027-03-04T12:00"), AbsenceKind.ILLNESS, "nemoc"));

    // one seat of the web's share is left on Friday (09:15); 09:30 and 09:45, nearer than the next
    // week, are the phone share and not proposed
    assertThat(starts(hall.diary.managingOwnReservation().proposals(thursday.token())))
        .containsExactly(at("09:15"), local("2027-03-11T09:00"), local("2027-03-12T09:00"));
    hall.diary.managingOwnReservation().acceptProposal(thursday.token(), novak, at("09:15"));
    assertThat(hall.reservation(thursday.reservation()).start()).isEqualTo(at("09:15"));
  }

  @Test
  void aWindowWithoutAShareIsTheSameForTheWebAndForOperators() {
    TownHall hall = TownHall.at("2027-03-01T08:00:00Z");
    OfficialId novak = hall.official("novak", friday(0, 0));
    AgendaId card = hall.agenda("card", 1, novak);

    List<FreeSlot> staff = hall.diary.findingFreeSlots().ofOfficialForStaff(OPERATOR, novak, card, FRIDAY, FRIDAY);
    assertThat(starts(staff)).isEqualTo(starts(hall.free(novak, card, FRIDAY))).hasSize(4);
    assertThat(staff).noneMatch(FreeSlot::phoneShare);
  }

  @Test
  void theReceptionSeesNoStaffFreeTimeOfAnOfficialOrADepartment() {
    TownHall hall = TownHall.at("2027-03-01T08:00:00Z");
    OfficialId novak = hall.official("novak", friday(2, 0));
    AgendaId card = hall.agenda("card", 1, novak);
    StaffMember reception = new StaffMember("reception", Role.RECEPTION, null);

    assertThatThrownBy(() -> hall.diary.findingFreeSlots().ofOfficialForStaff(reception, novak, card, FRIDAY, FRIDAY))
        .isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> hall.diary.findingFreeSlots().ofDepartmentForStaff(reception, TownHall.CIVIL, card, FRIDAY,
        FRIDAY)).isInstanceOf(NotPermitted.class);
    assertThat(hall.diary.findingFreeSlots().ofDepartmentForStaff(OPERATOR, TownHall.CIVIL, card, FRIDAY, FRIDAY))
        .extracting(FreeSlot::phoneShare).containsExactly(false, false, true, true);
  }
}
