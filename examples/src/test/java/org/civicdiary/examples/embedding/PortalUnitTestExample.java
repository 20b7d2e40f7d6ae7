/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Embedding 3: a portal's own unit test uses the core with the in-memory storage and a fixed
 * clock — no database, no server — to check its own code around booking.
 */
class PortalUnitTestExample {
  private static final OfficialId CLERK = OfficialId.of("clerk");
  private static final AgendaId PARKING = AgendaId.of("parking-permit");
  private final Storage storage = InMemoryStorage.create();
  private final CivicDiary diary = CivicDiary.builder()
      .storage(storage)
      .clock(Clock.fixed(Instant.parse("2027-05-03T06:00:00Z"), ZoneOffset.UTC))
      .build();

  @BeforeEach
  void aSmallTownHall() {
    Place hall = new Place("Town hall", "Main square 1");
    storage.transactions().run(() -> {
      storage.directory().save(new Office(OfficeId.of("town"), LocalizedText.of("Radnice", "Town hall"),
          Office.DEFAULT_ZONE, Office.DEFAULT_SLOT, hall, List.of(), BookingPolicy.DEFAULT));
      storage.directory().save(new Department(DepartmentId.of("transport"), OfficeId.of("town"),
          LocalizedText.of("Doprava", "Transport"), hall));
      storage.directory().save(new Official(CLERK, DepartmentId.of("transport"), "Alena Malá", "12", null, true));
      storage.directory().save(new Agenda(PARKING, DepartmentId.of("transport"),
          LocalizedText.of("Parkovací karta", "Parking permit"), 1, Set.of(CLERK)));
      storage.diaries().replaceWindows(CLERK,
          List.of(Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(16, 0), LocalTime.of(17, 0), LocalDate.of(2027, 1, 1))));
    });
  }

  @Test
  void bookingTakesTheSlotAndQueuesTheConfirmation() {
    List<FreeSlot> free = diary.findingFreeSlots().ofOfficial(CLERK, PARKING, LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 9));
    assertThat(free).hasSize(4);

    Booked booked = diary.booking().book(new BookingRequest(CLERK, PARKING, free.get(0).start(),
        new Citizen("Jan Kovář", "jan.kovar@example.cz", null), "Residents' parking", Channel.WEB, Language.EN));

    assertThat(diary.managingOwnReservation().view(booked.token())).isEqualTo(booked.reservation());
    assertThat(diary.findingFreeSlots().ofOfficial(CLERK, PARKING, LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 9)))
        .hasSize(3);
    assertThat(storage.transactions().inTransaction(() -> storage.outbox().claim(10, Instant.parse("2027-05-03T06:00:00Z"),
        java.time.Duration.ofMinutes(1)))).extracting(m -> m.kind()).containsExactly(MessageKind.CONFIRMATION);
    assertThatThrownBy(() -> diary.booking().book(new BookingRequest(CLERK, PARKING, free.get(0).start(),
        new Citizen("Eva Malá", "eva@example.cz", null), "Parking", Channel.WEB, Language.CS)))
        .isInstanceOf(SlotTaken.class);
  }
}
