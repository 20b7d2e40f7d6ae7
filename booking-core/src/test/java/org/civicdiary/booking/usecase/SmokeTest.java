/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.*;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.*;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void booksAFreeSlot() {
    Storage s = InMemoryStorage.create();
    Clock clock = Clock.fixed(Instant.parse("2027-03-01T08:00:00Z"), ZoneOffset.UTC);
    CivicDiary d = CivicDiary.builder().storage(s).clock(clock).build();
    s.transactions().run(() -> {
      s.directory().save(new Office(OfficeId.of("p6"), LocalizedText.of("Praha 6", "Prague 6"), Office.DEFAULT_ZONE,
          Office.DEFAULT_SLOT, new Place("Radnice", "Čs. armády 23"), List.of(), BookingPolicy.DEFAULT));
      s.directory().save(new Department(DepartmentId.of("civil"), OfficeId.of("p6"), LocalizedText.of("Občanské", "Civil"),
          new Place("Radnice", "Čs. armády 23")));
      s.directory().save(new Official(OfficialId.of("novak"), DepartmentId.of("civil"), "Jan Novák", "101", null, true));
      s.directory().save(new Agenda(AgendaId.of("id-card"), DepartmentId.of("civil"), LocalizedText.of("OP", "ID"), 1,
          Set.of(OfficialId.of("novak"))));
      s.diaries().replaceWindows(OfficialId.of("novak"), List.of(
          Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(16, 0), LocalTime.of(18, 0), LocalDate.of(2027, 1, 1))));
    });
    List<FreeSlot> free = d.findingFreeSlots().ofOfficial(OfficialId.of("novak"), AgendaId.of("id-card"),
        LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7));
    assertThat(free).hasSize(8);
    BookingRequest req = new BookingRequest(OfficialId.of("novak"), AgendaId.of("id-card"), free.get(0).start(),
        new Citizen("Eva", "eva@example.cz", null), "OP", Channel.WEB, Language.CS);
    assertThatThrownBy(() -> d.booking().book(req, booked -> {
      throw new IllegalStateException("the answer for the idempotency key could not be kept");
    })).as("what the same unit of work fails to write undoes the booking").isInstanceOf(IllegalStateException.class);
    assertThat(d.findingFreeSlots().ofOfficial(OfficialId.of("novak"), AgendaId.of("id-card"),
        LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7))).isEqualTo(free);
    assertThat(s.outbox().pendingCount()).isZero();
    List<Booked> handed = new java.util.ArrayList<>();
    Booked b = d.booking().book(req, handed::add);
    assertThat(handed).containsExactly(b);
    assertThat(b.reservation().status()).isEqualTo(Status.ACTIVE);
    BookingRequest req2 = new BookingRequest(OfficialId.of("novak"), AgendaId.of("id-card"), free.get(0).start(),
        new Citizen("Petr", "petr@example.cz", null), "OP", Channel.WEB, Language.CS);
    assertThatThrownBy(() -> d.booking().book(req2)).isInstanceOf(SlotTaken.class);
    assertThat(s.outbox().pendingCount()).isEqualTo(2);
  }
}
