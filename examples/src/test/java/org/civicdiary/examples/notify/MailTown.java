/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.notify;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;

/**
 * A town hall for the notifier's cross-module tests and benchmark: one department whose officials
 * receive citizens every day 08:00–18:00.
 */
public final class MailTown {
  public static final DepartmentId CIVIL = DepartmentId.of("civil");
  public static final AgendaId ID_CARDS = AgendaId.of("id-cards");

  private MailTown() {}

  public static OfficialId official(int i) {
    return OfficialId.of("official-" + i);
  }

  /** Saves the office, the department, {@code officials} officials with their windows, and the agenda. */
  public static void create(Storage storage, int officials) {
    storage.transactions().run(() -> {
      Place townHall = new Place("Radnice Prahy 6", "Čs. armády 601/23, Praha 6");
      storage.directory().save(new Office(OfficeId.of("praha-6"),
          LocalizedText.of("Úřad městské části Praha 6", "Prague 6 Municipal Office"), Office.DEFAULT_ZONE,
          Office.DEFAULT_SLOT, townHall,
          List.of(new ContactPhone(LocalizedText.of("call centrum", "call centre"), "220 189 111")),
          BookingPolicy.DEFAULT));
      storage.directory().save(new Department(CIVIL, OfficeId.of("praha-6"),
          LocalizedText.of("Odbor občanských záležitostí", "Civil Affairs Department"), townHall));
      List<OfficialId> ids = new ArrayList<>();
      for (int i = 0; i < officials; i++) {
        OfficialId id = official(i);
        ids.add(id);
        storage.directory().save(new Official(id, CIVIL, "Úředník Č. " + i, "kancelář " + (200 + i), null, true));
        List<Window> windows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
          windows.add(new Window(day, LocalTime.of(8, 0), LocalTime.of(18, 0), LocalDate.of(2020, 1, 1), null, Set.of(),
              null));
        }
        storage.diaries().replaceWindows(id, windows);
      }
      storage.directory().save(new Agenda(ID_CARDS, CIVIL, LocalizedText.of("Občanské průkazy", "Identity cards"), 1,
          Set.copyOf(ids)));
    });
  }
}
