/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;

/**
 * A small town hall for contract tests: one office in Europe/Prague, a department with three
 * officials (one inactive), a one-slot and a two-slot agenda, weekday windows 08:00–18:00.
 * Times are fixed in 2027, far from "now", and carry microseconds so that lost precision shows.
 */
public final class Fixtures {
  private static final AtomicLong CODES = new AtomicLong(1);
  public static final OfficeId OFFICE = OfficeId.of("praha-6");
  public static final DepartmentId CIVIL = DepartmentId.of("civil-affairs");
  public static final DepartmentId TRADE = DepartmentId.of("trade-licensing");
  public static final OfficialId NOVAK = OfficialId.of("jan-novak");
  public static final OfficialId DVORAK = OfficialId.of("eva-dvorakova");
  public static final OfficialId RETIRED = OfficialId.of("karel-stary");
  public static final OfficialId SVOBODA = OfficialId.of("petr-svoboda");
  public static final AgendaId ID_CARD = AgendaId.of("id-card");
  public static final AgendaId PASSPORT = AgendaId.of("passport");
  public static final Duration SLOT = Duration.ofMinutes(15);
  /** "Now" for contract tests: Monday 1 March 2027, 09:00:00.123456 Prague time. */
  public static final Instant NOW = ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 123_456_000, Office.DEFAULT_ZONE).toInstant();
  /** Tuesday 2 March 2027, 10:00 Prague time: a slot start. */
  public static final Instant TUESDAY_10 = ZonedDateTime.of(2027, 3, 2, 10, 0, 0, 0, Office.DEFAULT_ZONE).toInstant();

  private final Storage storage;

  public Fixtures(Storage storage) {
    this.storage = storage;
  }

  public static Office office() {
    return new Office(OFFICE, LocalizedText.of("Úřad městské části Praha 6", "Prague 6 Town Hall"),
        Office.DEFAULT_ZONE, SLOT, new Place("Radnice Prahy 6", "Čs. armády 601/23, 160 52 Praha 6"),
        List.of(new ContactPhone(LocalizedText.of("Call centrum", "Call centre"), "+420 220 189 111"),
            new ContactPhone(LocalizedText.of("Cestovní doklady o víkendu", "Travel documents at weekends"), "725 463 335")),
        BookingPolicy.DEFAULT);
  }

  /** Saves the office, departments, officials, agendas and windows. */
  public Fixtures load() {
    storage.transactions().run(() -> {
      storage.directory().save(office());
      storage.directory().save(new Department(CIVIL, OFFICE, LocalizedText.of("Odbor občanskosprávní", "Civil Affairs"),
          new Place("Radnice Prahy 6", "Čs. armády 601/23, přízemí")));
      storage.directory().save(new Department(TRADE, OFFICE, LocalizedText.of("Živnostenský odbor", "Trade Licensing"),
          new Place("Radnice Prahy 6", "Čs. armády 601/23, 2. patro")));
      storage.directory().save(new Official(NOVAK, CIVIL, "Jan Novák", "dveře 101", "jan.novak@praha6.example", true));
      storage.directory().save(new Official(DVORAK, CIVIL, "Eva Dvořáková", "dveře 102", null, true));
      storage.directory().save(new Official(RETIRED, CIVIL, "Karel Starý", null, null, false));
      storage.directory().save(new Official(SVOBODA, TRADE, "Petr Svoboda", "dveře 201", null, true));
      storage.directory().save(new Agenda(ID_CARD, CIVIL, LocalizedText.of("Občanský průkaz", "ID card"), 1,
          Set.of(NOVAK, DVORAK, RETIRED)));
      storage.directory().save(new Agenda(PASSPORT, CIVIL, LocalizedText.of("Cestovní pas", "Passport"), 2,
          Set.of(NOVAK, DVORAK)));
      for (OfficialId official : List.of(NOVAK, DVORAK, RETIRED, SVOBODA)) {
        storage.diaries().replaceWindows(official, weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)));
      }
    });
    return this;
  }

  public static List<Window> weekdays(LocalTime start, LocalTime end) {
    LocalDate from = LocalDate.of(2026, 1, 1);
    return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
        .stream().map(d -> Window.weekly(d, start, end, from)).toList();
  }

  /** The start of the n-th slot after {@link #TUESDAY_10}. */
  public static Instant slot(int n) {
    return TUESDAY_10.plus(SLOT.multipliedBy(n));
  }

  /** A booking code no other call has returned: fixtures write reservations without the use cases. */
  public static BookingCode nextCode() {
    return BookingCode.numbered(CODES.getAndIncrement());
  }

  /** An active one-slot ID-card reservation of a citizen with this e-mail. */
  public static Reservation reservation(OfficialId official, Instant start, String email) {
    return reservation(official, start, 1, email, Status.ACTIVE);
  }

  public static Reservation reservation(OfficialId official, Instant start, int slots, String email, Status status) {
    Instant created = NOW.truncatedTo(ChronoUnit.MICROS);
    return new Reservation(ReservationId.random(), nextCode(), official.equals(SVOBODA) ? TRADE : CIVIL, official,
        slots == 1 ? ID_CARD : PASSPORT, start, start.plus(SLOT.multipliedBy(slots)),
        new Citizen("Marie Procházková", email, "+420 601 234 567"), "Nový občanský průkaz, ztráta",
        Channel.WEB, Language.CS, status, created, created, 0, 0, null);
  }
}
