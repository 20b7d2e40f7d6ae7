/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.TokenInvalid;
import org.junit.jupiter.api.Test;

/** Records refuse invalid values themselves, naming the field. */
class RecordsTest {
  private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
  private static final Place PLACE = new Place("Radnice", "Čs. armády 23");

  private static void invalid(String field, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void citizenTrimsAndNormalises() {
    Citizen c = new Citizen("  Eva  ", " Eva@Example.CZ ", " +420 777 000 111 ");
    assertThat(c).isEqualTo(new Citizen("Eva", "Eva@Example.CZ", "+420 777 000 111"));
    assertThat(c.emailKey()).isEqualTo(EmailKey.of("eva@example.cz")).hasSize(64).doesNotContain("eva");
    assertThat(new Citizen("Eva", " ", "").email()).isNull();
    assertThat(new Citizen("Eva", null, " ").phone()).isNull();
  }

  @Test
  void windowNeedsAnEndAfterItsStartWholeMinutesAndAValidRange() {
    invalid("end", () -> Window.weekly(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(10, 0), FROM));
    invalid("start", () -> Window.weekly(DayOfWeek.MONDAY, LocalTime.of(10, 0, 30), LocalTime.of(11, 0), FROM));
    invalid("validUntil", () -> new Window(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0), FROM,
        FROM.minusDays(1), Set.of(), null));
    invalid("day", () -> new Window(null, LocalTime.of(8, 0), LocalTime.of(9, 0), FROM, null, Set.of(), null));
    Window w = new Window(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0), LocalDate.of(2027, 3, 1),
        LocalDate.of(2027, 3, 8), Set.of(), null);
    assertThat(w.appliesOn(LocalDate.of(2027, 3, 1))).isTrue();
    assertThat(w.appliesOn(LocalDate.of(2027, 3, 8))).isTrue();
    assertThat(w.appliesOn(LocalDate.of(2027, 3, 15))).isFalse();
    assertThat(w.appliesOn(LocalDate.of(2027, 3, 2))).isFalse();
  }

  @Test
  void officeSlotLengthDividesAnHour() {
    for (int minutes : List.of(4, 7, 25, 90)) {
      invalid("slotLength", () -> new Office(OfficeId.of("o"), LocalizedText.of("o", "o"), Office.DEFAULT_ZONE,
          Duration.ofMinutes(minutes), PLACE, List.of(), BookingPolicy.DEFAULT));
    }
    assertThat(new Office(OfficeId.of("o"), LocalizedText.of("o", "o"), Office.DEFAULT_ZONE, Duration.ofMinutes(20),
        PLACE, List.of(), BookingPolicy.DEFAULT).slotMinutes()).isEqualTo(20);
  }

  @Test
  void policyStaysWithinSaneBounds() {
    invalid("horizonDays", () -> new BookingPolicy(0, Duration.ofHours(2), 3, 500, 90, Duration.ofDays(1), false));
    invalid("minimumNotice", () -> new BookingPolicy(60, Duration.ofHours(-1), 3, 500, 90, Duration.ofDays(1), false));
    invalid("maxOpenPerEmail", () -> new BookingPolicy(60, Duration.ofHours(2), 0, 500, 90, Duration.ofDays(1), false));
    invalid("topicMaxLength", () -> new BookingPolicy(60, Duration.ofHours(2), 3, Reservation.TOPIC_HARD_LIMIT + 1, 90,
        Duration.ofDays(1), false));
    invalid("retentionDays", () -> new BookingPolicy(60, Duration.ofHours(2), 3, 500, 0, Duration.ofDays(1), false));
  }

  @Test
  void idsAreShortLowerCaseCodes() {
    invalid("official", () -> OfficialId.of("Novák"));
    invalid("agenda", () -> AgendaId.of(""));
    invalid("department", () -> DepartmentId.of("a".repeat(65)));
    invalid("id", () -> ReservationId.parse("not-a-uuid"));
    assertThat(OfficialId.of("novak-2").value()).isEqualTo("novak-2");
  }

  @Test
  void agendaLengthIsAWholeNumberOfSlotsWithinTheLimit() {
    invalid("slots", () -> new Agenda(AgendaId.of("a"), DepartmentId.of("d"), LocalizedText.of("a", "a"), 0, Set.of()));
    invalid("slots", () -> new Agenda(AgendaId.of("a"), DepartmentId.of("d"), LocalizedText.of("a", "a"),
        Agenda.MAX_SLOTS + 1, Set.of()));
  }

  @Test
  void absenceEndsAfterItStarts() {
    Instant t = Instant.parse("2027-03-01T08:00:00Z");
    invalid("end", () -> new Absence(AbsenceId.random(), OfficialId.of("n"), t, t, AbsenceKind.ILLNESS, null));
    assertThat(new Absence(AbsenceId.random(), OfficialId.of("n"), t, t.plusSeconds(1), AbsenceKind.ILLNESS, null).reason())
        .isEmpty();
  }

  @Test
  void reservationCoversItsSlots() {
    Instant start = Instant.parse("2027-03-02T08:00:00Z");
    Reservation r = new Reservation(ReservationId.random(), BookingCode.numbered(1), DepartmentId.of("d"), OfficialId.of("n"), AgendaId.of("a"),
        start, start.plus(Duration.ofMinutes(45)), new Citizen("Eva", null, null), "t", Channel.PHONE, Language.CS,
        Status.ACTIVE, start, start, 0, 0, null);
    assertThat(r.slotStarts(Duration.ofMinutes(15))).containsExactly(start, start.plusSeconds(900), start.plusSeconds(1800));
    assertThat(r.overlaps(start.plus(Duration.ofMinutes(45)), start.plus(Duration.ofHours(1)))).isFalse();
    assertThat(r.overlaps(start.minusSeconds(1), start.plusSeconds(1))).isTrue();
    assertThat(r.withStatus(Status.CANCELLED, "n", start)).extracting(Reservation::version, Reservation::sequence)
        .containsExactly(1, 1);
  }

  @Test
  void manageTokenOfTheWrongShapeIsInvalidAndItsTextStaysSecret() {
    assertThatThrownBy(() -> ManageToken.parse("short")).isInstanceOf(TokenInvalid.class);
    ManageToken token = ManageToken.generate(new java.security.SecureRandom());
    assertThat(ManageToken.parse(token.value())).isEqualTo(token);
    assertThat(token.hash()).matches("[0-9a-f]{64}").doesNotContain(token.value());
    assertThat(token.toString()).doesNotContain(token.value());
  }

  @Test
  void languageTags() {
    assertThat(Language.of(" EN ")).isEqualTo(Language.EN);
    invalid("language", () -> Language.of("de"));
  }
}
