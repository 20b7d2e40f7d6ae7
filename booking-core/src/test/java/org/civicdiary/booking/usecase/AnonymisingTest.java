/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.booking.usecase.TownHall.OPERATOR;
import static org.civicdiary.booking.usecase.TownHall.local;
import static org.civicdiary.booking.usecase.TownHall.weekly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Status;
import org.junit.jupiter.api.Test;

class AnonymisingTest {
  private static final Instant MEETING_END = local("2027-03-02T09:15");

  @Test
  void personalDataGoesAfterTheRetentionPeriodAndStatisticsStay() {
    TownHall hall = TownHall.at("2027-03-01T06:00:00Z");
    OfficialId novak = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"), weekly(DayOfWeek.FRIDAY, "08:00", "12:00"));
    AgendaId idCard = hall.agenda("id-card", 1, novak);
    Reservation met = hall.book(novak, idCard, local("2027-03-02T09:00"),
        new Citizen("Eva Nováková", "eva@example.cz", "+420 777 123 456"), "Ztracený občanský průkaz").reservation();
    Reservation cancelledByOffice = hall.diary.handlingReservations().cancel(OPERATOR,
        hall.book(novak, idCard, local("2027-03-02T11:00")).reservation().id(), "Paní Nováková volala, že nepřijde");
    Reservation later = hall.book(novak, idCard, local("2027-03-05T08:00")).reservation();
    hall.clock.set(local("2027-03-02T10:00"));
    Reservation completed = hall.diary.handlingReservations().recordOutcome(OPERATOR, met.id(), Status.COMPLETED);

    hall.clock.set(MEETING_END.plus(Duration.ofDays(90)).minusSeconds(60));
    assertThat(hall.diary.anonymising().run()).isZero();
    assertThat(hall.reservation(met)).isEqualTo(completed);

    hall.clock.set(MEETING_END.plus(Duration.ofDays(90)).plusSeconds(60));
    assertThat(hall.diary.anonymising().run()).isOne();
    assertThat(hall.reservation(cancelledByOffice).note()).isNotNull();
    hall.clock.advance(Duration.ofHours(2));
    assertThat(hall.diary.anonymising().run()).isOne();

    Reservation anonymised = hall.reservation(met);
    assertThat(anonymised.citizen()).isEqualTo(Citizen.anonymised());
    assertThat(anonymised.citizen().email()).isNull();
    assertThat(anonymised.citizen().phone()).isNull();
    assertThat(anonymised.topic()).isEmpty();
    assertThat(anonymised.note()).isNull();
    assertThat(anonymised).extracting(Reservation::id, Reservation::department, Reservation::official,
            Reservation::agenda, Reservation::start, Reservation::end, Reservation::channel, Reservation::language,
            Reservation::status, Reservation::createdAt)
        .containsExactly(completed.id(), completed.department(), completed.official(), completed.agenda(),
            completed.start(), completed.end(), completed.channel(), completed.language(), Status.COMPLETED,
            completed.createdAt());
    assertThat(hall.reservation(cancelledByOffice).note()).isNull();
    assertThat(hall.reservation(cancelledByOffice).status()).isEqualTo(Status.CANCELLED);
    assertThat(hall.reservation(later)).isEqualTo(later);
    assertThat(hall.storage.reservations().search(new ReservationSearch("eva", null, null, null, null, null, 10))).isEmpty();
    assertThat(hall.storage.reservations().search(new ReservationSearch("777 123", null, null, null, null, null, 10))).isEmpty();
    assertThat(hall.diary.anonymising().run()).isZero();
    // The audit log outlives the reservations: it never held the staff's note or the citizen's data.
    assertThat(hall.storage.auditLog().latest(100)).isNotEmpty().allSatisfy(entry -> assertThat(
            entry.before() + " " + entry.after())
        .doesNotContain("Nováková", "nepřijde", "eva@example.cz", "777 123 456", "Ztracený")
        .satisfiesAnyOf(text -> assertThat(entry.action()).isNotEqualTo("reservation.cancel"),
            text -> assertThat(text).contains("note=written")));
  }

  @Test
  void theRetentionPeriodIsTheOffices() {
    TownHall hall = TownHall.at(Instant.parse("2027-03-01T06:00:00Z"),
        new BookingPolicy(60, Duration.ofHours(2), 3, 500, 30, Duration.ofDays(1), false));
    OfficialId novak = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"));
    Reservation met = hall.book(novak, hall.agenda("id-card", 1, novak), local("2027-03-02T09:00")).reservation();

    hall.clock.set(MEETING_END.plus(Duration.ofDays(30)).minusSeconds(1));
    assertThat(hall.diary.anonymising().run()).isZero();
    hall.clock.set(MEETING_END.plus(Duration.ofDays(30)).plusSeconds(1));
    assertThat(hall.diary.anonymising().run()).isOne();
    assertThat(hall.reservation(met).citizen()).isEqualTo(Citizen.anonymised());
  }
}
