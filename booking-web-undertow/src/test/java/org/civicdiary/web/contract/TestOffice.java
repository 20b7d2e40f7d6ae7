/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.Passwords;

/**
 * The office every HTTP test runs against. Time starts on Monday 2027-03-01 08:00 in Prague; every
 * official of the civil department receives on weekdays 16:00-18:00 (eight 15-minute slots), and
 * tests pick distinct days and slots so that they never meet.
 */
public final class TestOffice {
  public static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  public static final Instant START = Instant.parse("2027-03-01T07:00:00Z");
  public static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
  public static final String PASSWORD = "correct horse battery staple";
  public static final String CIVIL = "civil";
  public static final String TRADE = "trade";
  public static final String ID_CARD = "id-card";
  public static final String PASSPORT = "passport";
  public static final String LICENCE = "licence";
  public static final String NOVAK = "novak";
  public static final String SVOBODA = "svoboda";
  public static final String DVORAK = "dvorak";
  public static final String RETIRED = "retired";
  public static final String CERNA = "cerna";
  public static final String ADMIN = "admin";
  public static final String OPERATOR = "operator";
  public static final String OFFICIAL_NOVAK = "novak.login";
  public static final String OFFICIAL_SVOBODA = "svoboda.login";
  public static final String DISABLED = "disabled.operator";
  public static final String RECEPTION = "reception";

  private TestOffice() {}

  public static void seed(Storage s) {
    Place townHall = new Place("Radnice Praha 6", "Čs. armády 23, Praha 6");
    LocalDate from = LocalDate.of(2027, 1, 1);
    String hash = Passwords.hash(PASSWORD);
    s.transactions().run(() -> {
      s.directory().save(new Office(OfficeId.of("p6"), LocalizedText.of("Praha 6", "Prague 6"), PRAGUE,
          Office.DEFAULT_SLOT, townHall,
          List.of(new ContactPhone(LocalizedText.of("Call centre", "Call centre"), "+420 220 189 111")),
          BookingPolicy.DEFAULT));
      s.directory().save(new Department(DepartmentId.of(CIVIL), OfficeId.of("p6"),
          LocalizedText.of("Občanské záležitosti", "Civil affairs"), townHall));
      s.directory().save(new Department(DepartmentId.of(TRADE), OfficeId.of("p6"),
          LocalizedText.of("Živnostenský úřad", "Trade licensing"), townHall));
      for (String id : List.of(NOVAK, SVOBODA, DVORAK)) {
        s.directory().save(new Official(OfficialId.of(id), DepartmentId.of(CIVIL), "Official " + id, "Room " + id.length(),
            id + "@praha6.example", true));
      }
      s.directory().save(new Official(OfficialId.of(RETIRED), DepartmentId.of(CIVIL), "Official retired", null, null, false));
      s.directory().save(new Official(OfficialId.of(CERNA), DepartmentId.of(TRADE), "Official cerna", "Room 7", null, true));
      s.directory().save(new Agenda(AgendaId.of(ID_CARD), DepartmentId.of(CIVIL), LocalizedText.of("Občanský průkaz", "ID card"),
          1, Set.of(OfficialId.of(NOVAK), OfficialId.of(SVOBODA), OfficialId.of(DVORAK), OfficialId.of(RETIRED))));
      s.directory().save(new Agenda(AgendaId.of(PASSPORT), DepartmentId.of(CIVIL), LocalizedText.of("Cestovní pas", "Passport"),
          2, Set.of(OfficialId.of(NOVAK), OfficialId.of(SVOBODA))));
      s.directory().save(new Agenda(AgendaId.of(LICENCE), DepartmentId.of(TRADE), LocalizedText.of("Živnost", "Trade licence"),
          1, Set.of(OfficialId.of(CERNA))));
      for (String id : List.of(NOVAK, SVOBODA, DVORAK, RETIRED, CERNA)) {
        s.diaries().replaceWindows(OfficialId.of(id), List.of(
            Window.weekly(DayOfWeek.MONDAY, LocalTime.of(16, 0), LocalTime.of(18, 0), from),
            Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(16, 0), LocalTime.of(18, 0), from),
            Window.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(16, 0), LocalTime.of(18, 0), from),
            Window.weekly(DayOfWeek.THURSDAY, LocalTime.of(16, 0), LocalTime.of(18, 0), from),
            Window.weekly(DayOfWeek.FRIDAY, LocalTime.of(16, 0), LocalTime.of(18, 0), from)));
      }
      s.diaries().replaceWalkInHours(DepartmentId.of(CIVIL), List.of(
          new WalkInHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(17, 0)),
          new WalkInHours(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(17, 0))));
      s.staffAccounts().save(new StaffAccount(ADMIN, hash, Role.ADMIN, null, true));
      s.staffAccounts().save(new StaffAccount(OPERATOR, hash, Role.OPERATOR, null, true));
      s.staffAccounts().save(new StaffAccount(OFFICIAL_NOVAK, hash, Role.OFFICIAL, OfficialId.of(NOVAK), true));
      s.staffAccounts().save(new StaffAccount(OFFICIAL_SVOBODA, hash, Role.OFFICIAL, OfficialId.of(SVOBODA), true));
      s.staffAccounts().save(new StaffAccount(DISABLED, hash, Role.OPERATOR, null, false));
      s.staffAccounts().save(new StaffAccount(RECEPTION, hash, Role.RECEPTION, null, true));
    });
  }

  /** The start of slot {@code index} (0-7) on a weekday {@code weeks} weeks and {@code days} days after the first Monday. */
  public static Instant slot(int weeks, int days, int index) {
    LocalDate date = MONDAY.plusWeeks(weeks).plusDays(days);
    return date.atTime(LocalTime.of(16, 0).plusMinutes(15L * index)).atZone(PRAGUE).toInstant();
  }

  public static LocalDate day(int weeks, int days) {
    return MONDAY.plusWeeks(weeks).plusDays(days);
  }
}
