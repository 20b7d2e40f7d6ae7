/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
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

/**
 * One office, one clerk with Tuesday afternoons, one agenda, for the embedding tests; their clocks
 * start on {@link #MONDAY}, a fixed day, so the free times never depend on today.
 */
final class SmallTownHall {
  static final Instant MONDAY = Instant.parse("2027-05-03T06:00:00Z");
  static final OfficialId CLERK = OfficialId.of("clerk");
  static final AgendaId PARKING = AgendaId.of("parking-permit");

  private SmallTownHall() {}

  static void seed(Storage storage) {
    Place hall = new Place("Radnice", "Náměstí 1");
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

  /** Books the first free time of the week of {@link #MONDAY} for Jan Kovář. */
  static Booked book(CivicDiary diary) {
    Instant start = diary.findingFreeSlots().ofOfficial(CLERK, PARKING, LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 9))
        .get(0).start();
    return diary.booking().book(new BookingRequest(CLERK, PARKING, start,
        new Citizen("Jan Kovář", "jan.kovar@example.cz", "+420 601 111 222"), "Parkovací karta", Channel.WEB, Language.CS));
  }

  /** Waits for the condition, checking every 20 ms, and fails after the deadline. */
  static void waitUntil(java.util.function.BooleanSupplier condition, java.time.Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the condition did not hold within " + deadline);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(20).toNanos());
    }
  }
}
