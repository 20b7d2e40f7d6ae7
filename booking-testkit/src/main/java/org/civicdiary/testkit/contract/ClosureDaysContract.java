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

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.ClosureDay;
import org.civicdiary.booking.model.ClosureDayId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.ClosureDayRequest;
import org.civicdiary.booking.usecase.Displacement;
import org.civicdiary.booking.usecase.WorklistItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closure days of an office or a department: a closure over booked time displaces those meetings
 * exactly like an absence (the e-mails queued, the worklist filled with proposals on open days),
 * and a closed day offers no free time. An adapter's test extends this class and returns a new,
 * empty storage from {@link #emptyStorage()}.
 */
public abstract class ClosureDaysContract {
  private static final StaffMember ADMIN = new StaffMember("alena.admin", Role.ADMIN, null);
  private static final StaffMember OPERATOR = new StaffMember("olga.operator", Role.OPERATOR, null);
  /** Tuesday 2 March 2027, the day after {@link Fixtures#NOW}: an election day in this story. */
  private static final LocalDate ELECTION = LocalDate.of(2027, 3, 2);
  private static final LocalDate WEDNESDAY = LocalDate.of(2027, 3, 3);
  protected Storage storage;
  private CivicDiary diary;
  private int citizens;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    diary = CivicDiary.builder().storage(storage).clock(new MutableClock(NOW)).random(new SecureRandom()).build();
  }

  private static Instant at(LocalDate date, int hour) {
    return ZonedDateTime.of(date, LocalTime.of(hour, 0), Office.DEFAULT_ZONE).toInstant();
  }

  private Reservation book(OfficialId official, Instant start) {
    citizens++;
    return diary.booking().book(new BookingRequest(official, ID_CARD, start,
        new Citizen("Občanka Volební", "volby" + citizens + "@example.cz", null), "Občanský průkaz", Channel.WEB,
        Language.CS)).reservation();
  }

  private List<ReservationId> displacedNotices() {
    return storage.transactions().inTransaction(() -> storage.outbox()
            .claim(1000, NOW.plus(Duration.ofDays(365)), Duration.ofSeconds(1)))
        .stream().filter(m -> m.kind() == MessageKind.DISPLACED).map(OutboxMessage::reservation).toList();
  }

  private List<FreeSlot> free(LocalDate day) {
    return diary.findingFreeSlots().ofDepartment(CIVIL, ID_CARD, day, day);
  }

  @Test
  void aClosureDayOverBookedTimeDisplacesQueuesTheEmailsAndFillsTheWorklist() {
    Reservation novak = book(NOVAK, at(ELECTION, 10));
    Reservation dvorak = book(DVORAK, at(ELECTION, 14));
    Reservation dayAfter = book(NOVAK, at(WEDNESDAY, 10));
    displacedNotices();

    Displacement result = diary.recordingClosureDay().record(ADMIN,
        new ClosureDayRequest(OFFICE, null, ELECTION, "Volby do Poslanecké sněmovny"));

    assertThat(result.displaced()).extracting(Reservation::id).containsExactlyInAnyOrder(novak.id(), dvorak.id());
    assertThat(storage.reservations().find(novak.id()).orElseThrow().status()).isEqualTo(Status.DISPLACED);
    assertThat(storage.reservations().find(dvorak.id()).orElseThrow().status()).isEqualTo(Status.DISPLACED);
    assertThat(storage.reservations().find(dayAfter.id()).orElseThrow().status()).isEqualTo(Status.ACTIVE);
    assertThat(displacedNotices()).containsExactlyInAnyOrder(novak.id(), dvorak.id());
    List<WorklistItem> worklist = diary.workingTheWorklist().worklist(OPERATOR).displaced();
    assertThat(worklist).extracting(i -> i.reservation().id()).containsExactlyInAnyOrder(novak.id(), dvorak.id());
    assertThat(worklist).allSatisfy(item -> assertThat(item.proposals()).isNotEmpty()
        .allMatch(p -> !LocalDate.ofInstant(p.start(), Office.DEFAULT_ZONE).equals(ELECTION)));
    assertThat(storage.auditLog().latest(10)).extracting(AuditEntry::action).contains("closure.record");

    assertThat(free(ELECTION)).isEmpty();
    assertThat(diary.findingFreeSlots().daysOfDepartment(CIVIL, ID_CARD, ELECTION, WEDNESDAY))
        .doesNotContainKey(ELECTION).containsKey(WEDNESDAY);
    assertThatThrownBy(() -> book(NOVAK, at(ELECTION, 11))).isInstanceOfSatisfying(SlotNotBookable.class,
        e -> assertThat(e.reason()).isEqualTo(SlotNotBookable.Reason.CLOSED));
  }

  @Test
  void aDepartmentsClosureClosesOnlyItsDiaries() {
    ClosureDay day = closeCivil(ELECTION);
    assertThat(day.department()).isEqualTo(CIVIL);
    assertThat(free(ELECTION)).isEmpty();
    assertThat(diary.findingFreeSlots().ofDepartment(CIVIL, ID_CARD, WEDNESDAY, WEDNESDAY)).isNotEmpty();
    assertThat(storage.diaries().closureDays(OFFICE, ELECTION, WEDNESDAY)).containsExactly(day);
    assertThat(storage.diaries().closureDay(day.id())).contains(day);

    assertThatThrownBy(() -> closeCivil(ELECTION)).isInstanceOf(StateConflict.class);
  }

  private ClosureDay closeCivil(LocalDate date) {
    Displacement d = diary.recordingClosureDay().record(ADMIN, new ClosureDayRequest(OFFICE, CIVIL, date, "Školení"));
    return storage.diaries().closureDay(ClosureDayId.parse(d.subject())).orElseThrow();
  }

  @Test
  void theDayPlanNamesTheClosureDaysThatCloseTheOfficialsDepartment() {
    ClosureDay civil = closeCivil(ELECTION);
    ClosureDay office = storage.diaries().closureDay(ClosureDayId.parse(diary.recordingClosureDay().record(ADMIN,
        new ClosureDayRequest(OFFICE, null, WEDNESDAY, "Volby")).subject())).orElseThrow();

    assertThat(diary.handlingReservations().dayPlan(ADMIN, NOVAK, ELECTION).closures()).containsExactly(civil);
    assertThat(diary.handlingReservations().dayPlan(ADMIN, Fixtures.SVOBODA, ELECTION).closures())
        .as("another department's closure").isEmpty();
    assertThat(diary.handlingReservations().dayPlan(ADMIN, NOVAK, WEDNESDAY).closures()).containsExactly(office);
    assertThat(diary.handlingReservations().dayPlan(ADMIN, Fixtures.SVOBODA, WEDNESDAY).closures()).containsExactly(office);
    assertThat(diary.handlingReservations().dayPlan(ADMIN, NOVAK, WEDNESDAY.plusDays(1)).closures()).isEmpty();
  }

  @Test
  void reopeningTheDayOffersItsTimeAgainAndIsAudited() {
    ClosureDay day = closeCivil(ELECTION);
    diary.recordingClosureDay().remove(ADMIN, day.id());
    assertThat(free(ELECTION)).isNotEmpty();
    assertThat(storage.diaries().closureDay(day.id())).isEmpty();
    assertThat(storage.auditLog().latest(10)).extracting(AuditEntry::action).contains("closure.remove");
    assertThat(diary.recordingClosureDay().closureDays(ADMIN, OFFICE, ELECTION, ELECTION)).isEmpty();
  }

  @Test
  void onlyAnAdministratorOfTheOfficeClosesDaysAndBadRequestsChangeNothing() {
    ClosureDayRequest election = new ClosureDayRequest(OFFICE, null, ELECTION, null);
    assertThatThrownBy(() -> diary.recordingClosureDay().record(OPERATOR, election)).isInstanceOf(NotPermitted.class);
    StaffMember elsewhere = new StaffMember("admin.jinde", Role.ADMIN, null, false, OfficeId.of("horomerice"));
    assertThatThrownBy(() -> diary.recordingClosureDay().record(elsewhere, election)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> diary.recordingClosureDay().record(ADMIN,
        new ClosureDayRequest(OFFICE, null, LocalDate.of(2027, 2, 26), null)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("date"));
    assertThatThrownBy(() -> diary.recordingClosureDay().record(ADMIN,
        new ClosureDayRequest(OFFICE, org.civicdiary.booking.model.DepartmentId.of("no-such"), ELECTION, null)))
        .isInstanceOf(NotFound.class);
    assertThat(storage.diaries().closureDays(OFFICE, ELECTION, ELECTION)).isEmpty();
    assertThat(free(ELECTION)).isNotEmpty();
  }
}
