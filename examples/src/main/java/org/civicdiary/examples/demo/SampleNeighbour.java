/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;

/**
 * Prague 6's small neighbour, a second office in the same deployment: the municipal office of
 * Horoměřice with one department (the registry and the Czech POINT desk) and two officials, who
 * receive on Monday and Wednesday afternoons, when the office keeps its walk-in hours in the
 * morning. Loaded once, beside whatever offices there are.
 */
public final class SampleNeighbour {
  public static final OfficeId OFFICE = OfficeId.of("horomerice");
  static final Place OFFICE_HOUSE = new Place("Obecní úřad Horoměřice", "Velvarská 1, 252 62 Horoměřice");
  static final DepartmentId REGISTRY = DepartmentId.of("horomerice-registry");

  private final Storage storage;
  private final Clock clock;

  public SampleNeighbour(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Loads the office unless the storage has it already.
   *
   * @return whether it loaded anything
   */
  public boolean loadIfAbsent() {
    return storage.transactions().inTransaction(() -> {
      if (storage.directory().office(OFFICE).isPresent()) {
        return false;
      }
      load();
      return true;
    });
  }

  private void load() {
    storage.directory().save(new Office(OFFICE, LocalizedText.of("Obecní úřad Horoměřice", "Horoměřice Municipal Office"),
        Office.DEFAULT_ZONE, Office.DEFAULT_SLOT, OFFICE_HOUSE,
        List.of(new ContactPhone(LocalizedText.of("Podatelna", "Front desk"), "+420 220 970 201")),
        BookingPolicy.DEFAULT));
    storage.directory().save(new Department(REGISTRY, OFFICE, LocalizedText.of("Matrika a Czech POINT",
        "Registry and Czech POINT"), new Place(OFFICE_HOUSE.name(), OFFICE_HOUSE.address() + ", přízemí")));
    OfficialId matrikarka = OfficialId.of("horomerice-hana-vlckova");
    OfficialId referent = OfficialId.of("horomerice-karel-janda");
    storage.directory().save(new Official(matrikarka, REGISTRY, "Bc. Hana Vlčková", "kancelář 1",
        "matrika@horomerice.example", true));
    storage.directory().save(new Official(referent, REGISTRY, "Karel Janda", "kancelář 2", null, true));
    storage.directory().save(new Agenda(AgendaId.of("horomerice-birth-certificate"), REGISTRY,
        LocalizedText.of("Rodný a oddací list", "Birth and marriage certificates"), 1, Set.of(matrikarka)));
    storage.directory().save(new Agenda(AgendaId.of("horomerice-wedding"), REGISTRY,
        LocalizedText.of("Příprava sňatku", "Preparing a wedding"), 2, Set.of(matrikarka)));
    storage.directory().save(new Agenda(AgendaId.of("horomerice-czech-point"), REGISTRY,
        LocalizedText.of("Výpis z rejstříku trestů (Czech POINT)", "Criminal record extract (Czech POINT)"), 1,
        Set.of(matrikarka, referent)));
    storage.diaries().replaceWalkInHours(REGISTRY, List.of(
        new WalkInHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
        new WalkInHours(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))));
    LocalDate validFrom = LocalDate.now(clock).minusDays(7);
    List<Window> afternoons = List.of(
        Window.weekly(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0), validFrom),
        Window.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(13, 0), LocalTime.of(17, 0), validFrom));
    storage.diaries().replaceWindows(matrikarka, afternoons);
    storage.diaries().replaceWindows(referent, afternoons);
  }
}
