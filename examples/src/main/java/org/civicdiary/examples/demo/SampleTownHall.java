/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
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
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;

/**
 * A town hall like Prague 6's (see the seed article): six departments, twenty officials, walk-in
 * hours on Monday and Wednesday 8:00–18:00 without a lunch break, bookable windows mostly outside
 * them (early mornings, evenings, Friday), a Saturday service for urgent ID cards and passports,
 * and a few absences. Loaded once, into an empty storage.
 */
public final class SampleTownHall {
  public static final OfficeId OFFICE = OfficeId.of("praha-6");
  static final Place TOWN_HALL = new Place("Radnice Prahy 6", "Čs. armády 601/23, 160 52 Praha 6");
  static final Place MOBILE_TOWN_HALL = new Place("Mobilní radnice", "Bělohorská 110, 169 00 Praha 6");

  private final Storage storage;
  private final Clock clock;

  public SampleTownHall(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Loads the town hall unless the storage already has an office.
   *
   * @return whether it loaded anything
   */
  public boolean loadIfEmpty() {
    return storage.transactions().inTransaction(() -> {
      if (!storage.directory().offices().isEmpty()) {
        return false;
      }
      load();
      return true;
    });
  }

  private void load() {
    storage.directory().save(new Office(OFFICE,
        LocalizedText.of("Úřad městské části Praha 6", "Prague 6 Town Hall"),
        Office.DEFAULT_ZONE, Office.DEFAULT_SLOT, TOWN_HALL,
        List.of(
            new ContactPhone(LocalizedText.of("Call centrum", "Call centre"), "+420 220 189 111"),
            new ContactPhone(LocalizedText.of("Cestovní doklady – víkendová služba", "Travel documents – weekend service"),
                "+420 725 463 335"),
            new ContactPhone(LocalizedText.of("Občanské průkazy – víkendová služba", "ID cards – weekend service"),
                "+420 725 463 336")),
        BookingPolicy.DEFAULT));
    LocalDate validFrom = LocalDate.now(clock).minusDays(7);
    List<OfficialId> weekendService = new ArrayList<>();

    department("civil-affairs", "Odbor občanskosprávní", "Civil Affairs", "přízemí, hala B",
        List.of(
            official("jana-novakova", "Mgr. Jana Nováková", "B 012"),
            official("petr-svoboda", "Petr Svoboda", "B 014"),
            official("lucie-dvorakova", "Lucie Dvořáková", "B 016"),
            official("tomas-cerny", "Ing. Tomáš Černý", "B 018")),
        List.of(
            agenda("id-card", "Občanský průkaz", "ID card", 1, 0, 1, 2, 3),
            agenda("passport", "Cestovní pas", "Passport", 2, 0, 1, 2, 3),
            agenda("residence", "Trvalý pobyt", "Permanent residence", 1, 2, 3)));
    weekendService.add(OfficialId.of("petr-svoboda"));
    weekendService.add(OfficialId.of("lucie-dvorakova"));

    department("transport", "Odbor dopravy", "Transport", "1. patro, hala A",
        List.of(
            official("martin-prochazka", "Martin Procházka", "A 105"),
            official("eva-kucerova", "Eva Kučerová", "A 107"),
            official("jiri-vesely", "Jiří Veselý", "A 109")),
        List.of(
            agenda("driving-licence", "Řidičský průkaz", "Driving licence", 1, 0, 1, 2),
            agenda("vehicle-registration", "Registrace vozidla", "Vehicle registration", 2, 1, 2),
            agenda("parking-permit", "Parkovací oprávnění", "Parking permit", 1, 0, 2)));

    department("trade-licensing", "Živnostenský odbor", "Trade Licensing", "2. patro, hala A",
        List.of(
            official("katerina-horakova", "Mgr. Kateřina Horáková", "A 210"),
            official("pavel-nemec", "Pavel Němec", "A 212"),
            official("alena-markova", "Alena Marková", "A 214")),
        List.of(
            agenda("trade-licence", "Ohlášení živnosti", "Trade licence", 2, 0, 1, 2),
            agenda("trade-change", "Změna živnostenského oprávnění", "Change of a trade licence", 1, 0, 1, 2)));

    department("building-authority", "Stavební úřad", "Building Authority", "3. patro, hala B",
        List.of(
            official("vaclav-pokorny", "Ing. arch. Václav Pokorný", "B 301"),
            official("hana-pospisilova", "Ing. Hana Pospíšilová", "B 303"),
            official("zdenek-hajek", "Ing. Zdeněk Hájek", "B 305")),
        List.of(
            agenda("building-permit", "Konzultace stavebního povolení", "Building permit consultation", 2, 0, 1, 2),
            agenda("building-notice", "Ohlášení stavby", "Building notice", 1, 0, 1, 2)));

    department("social-affairs", "Odbor sociálních věcí", "Social Affairs", "1. patro, hala B",
        List.of(
            official("marie-kralova", "Bc. Marie Králová", "B 110"),
            official("josef-benes", "Josef Beneš", "B 112"),
            official("veronika-fialova", "Mgr. Veronika Fialová", "B 114")),
        List.of(
            agenda("care-allowance", "Příspěvek na péči", "Care allowance", 2, 0, 1, 2),
            agenda("social-counselling", "Sociální poradenství", "Social counselling", 2, 0, 1, 2)));

    department("environment", "Odbor životního prostředí", "Environment", "4. patro, hala A",
        List.of(
            official("lukas-sedlacek", "Lukáš Sedláček", "A 401"),
            official("tereza-zemanova", "Ing. Tereza Zemanová", "A 403"),
            official("ondrej-kolar", "Ondřej Kolář", "A 405")),
        List.of(
            agenda("tree-felling", "Povolení kácení dřevin", "Tree felling permit", 1, 0, 1, 2),
            agenda("waste", "Odpady a poplatky", "Waste and fees", 1, 0, 1, 2)));

    for (Department department : storage.directory().departments()) {
      storage.diaries().replaceWalkInHours(department.id(), List.of(
          new WalkInHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
          new WalkInHours(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))));
      for (Official official : storage.directory().officials(department.id())) {
        List<Window> windows = new ArrayList<>(bookableWindows(validFrom));
        if (weekendService.contains(official.id())) {
          // The Saturday service is for urgent ID cards and passports, not permanent residence, and it is
          // closed on public holidays (26 December, 1 and 8 May) unless opened for the date.
          windows.add(new Window(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), validFrom, null,
              Set.of(), null, 0, 0, Set.of(AgendaId.of("id-card"), AgendaId.of("passport"))));
        }
        if (official.id().value().equals("jiri-vesely")) {
          // The mobile town hall goes to citizens on Thursday afternoons.
          windows.add(new Window(DayOfWeek.THURSDAY, LocalTime.of(13, 0), LocalTime.of(15, 0), validFrom, null,
              Set.of(), MOBILE_TOWN_HALL));
        }
        storage.diaries().replaceWindows(official.id(), windows);
      }
    }
    absences();
  }

  /** Before and after the walk-in days, and Friday mornings: the times working citizens can come. */
  private static List<Window> bookableWindows(LocalDate validFrom) {
    return List.of(
        Window.weekly(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(8, 0), validFrom),
        Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(7, 0), LocalTime.of(11, 0), validFrom),
        Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(15, 0), LocalTime.of(19, 0), validFrom),
        Window.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0), LocalTime.of(19, 30), validFrom),
        Window.weekly(DayOfWeek.THURSDAY, LocalTime.of(7, 0), LocalTime.of(11, 0), validFrom),
        Window.weekly(DayOfWeek.THURSDAY, LocalTime.of(15, 0), LocalTime.of(19, 0), validFrom),
        Window.weekly(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(12, 0), validFrom));
  }

  private void absences() {
    LocalDate today = LocalDate.now(clock.withZone(Office.DEFAULT_ZONE));
    absence("tomas-cerny", today.plusDays(7), today.plusDays(12), AbsenceKind.HOLIDAY, "Dovolená");
    absence("eva-kucerova", today.plusDays(2), today.plusDays(3), AbsenceKind.TRAINING, "Školení");
    absence("hana-pospisilova", today.plusDays(14), today.plusDays(15), AbsenceKind.BLOCK, "Místní šetření");
  }

  private void absence(String official, LocalDate from, LocalDate untilExclusive, AbsenceKind kind, String reason) {
    storage.diaries().add(new Absence(AbsenceId.random(), OfficialId.of(official),
        ZonedDateTime.of(from, LocalTime.MIDNIGHT, Office.DEFAULT_ZONE).toInstant(),
        ZonedDateTime.of(untilExclusive, LocalTime.MIDNIGHT, Office.DEFAULT_ZONE).toInstant(), kind, reason));
  }

  private void department(String id, String cs, String en, String where, List<OfficialSpec> officials,
      List<AgendaSpec> agendas) {
    DepartmentId department = DepartmentId.of(id);
    storage.directory().save(new Department(department, OFFICE, LocalizedText.of(cs, en),
        new Place(TOWN_HALL.name(), TOWN_HALL.address() + ", " + where)));
    for (OfficialSpec o : officials) {
      storage.directory().save(new Official(OfficialId.of(o.id()), department, o.name(), "dveře " + o.room(),
          o.id().replace('-', '.') + "@praha6.example", true));
    }
    for (AgendaSpec a : agendas) {
      Set<OfficialId> handledBy = new LinkedHashSet<>();
      for (int i : a.officials()) {
        handledBy.add(OfficialId.of(officials.get(i).id()));
      }
      storage.directory().save(new Agenda(AgendaId.of(a.id()), department, LocalizedText.of(a.cs(), a.en()),
          a.slots(), handledBy));
    }
  }

  private static OfficialSpec official(String id, String name, String room) {
    return new OfficialSpec(id, name, room);
  }

  private static AgendaSpec agenda(String id, String cs, String en, int slots, int... officials) {
    return new AgendaSpec(id, cs, en, slots, officials);
  }

  private record OfficialSpec(String id, String name, String room) {}

  private record AgendaSpec(String id, String cs, String en, int slots, int[] officials) {}
}
