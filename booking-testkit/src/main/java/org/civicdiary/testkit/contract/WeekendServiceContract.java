/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.PASSPORT;
import static org.civicdiary.testkit.contract.Fixtures.SVOBODA;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.DirectoryDocument;
import org.civicdiary.booking.usecase.DirectoryDocument.DepartmentEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.OfficialEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.WindowEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Saturday service limited to the ID-card and passport agendas, closed on public holidays unless
 * opened for the date, and an office's own holiday calendar: permanent residence is not offered on
 * Saturdays, nor booked there by the web, an operator or a race of both. An adapter's test extends
 * this class and returns a new, empty storage from {@link #emptyStorage()}.
 */
public abstract class WeekendServiceContract {
  private static final StaffMember ADMIN = new StaffMember("alena.admin", Role.ADMIN, null);
  private static final StaffMember OPERATOR = new StaffMember("olga.operator", Role.OPERATOR, null);
  private static final AgendaId RESIDENCE = AgendaId.of("permanent-residence");
  /** Monday 14 December 2026, 09:00 in Prague: two Saturdays ahead, the second 26 December. */
  private static final Instant NOW = ZonedDateTime.of(2026, 12, 14, 9, 0, 0, 0, Office.DEFAULT_ZONE).toInstant();
  private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 19);
  private static final LocalDate ST_STEPHENS_DAY = LocalDate.of(2026, 12, 26);
  private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 15);
  private static final int RACERS = 16;
  protected Storage storage;
  private CivicDiary diary;
  private int citizens;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    storage.transactions().run(() -> {
      storage.directory().save(new Agenda(RESIDENCE, CIVIL, LocalizedText.of("Trvalý pobyt", "Permanent residence"), 1,
          Set.of(NOVAK)));
      List<Window> windows = new ArrayList<>(Fixtures.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)));
      windows.add(saturday(Set.of()));
      storage.diaries().replaceWindows(NOVAK, windows);
    });
    diary = diary(CivicDiary.builder());
  }

  private CivicDiary diary(CivicDiary.Builder builder) {
    return builder.storage(storage).clock(new MutableClock(NOW)).random(new SecureRandom()).build();
  }

  /** Saturdays 09:00–12:00 for ID cards and passports, open on these holidays. */
  private static Window saturday(Set<LocalDate> holidayOpenings) {
    return new Window(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), LocalDate.of(2026, 1, 1), null,
        holidayOpenings, null, 0, 0, Set.of(ID_CARD, PASSPORT));
  }

  private static Instant at(LocalDate date, int hour) {
    return ZonedDateTime.of(date, LocalTime.of(hour, 0), Office.DEFAULT_ZONE).toInstant();
  }

  private List<FreeSlot> free(AgendaId agenda, LocalDate day) {
    return diary.findingFreeSlots().ofOfficial(NOVAK, agenda, day, day);
  }

  private BookingRequest request(AgendaId agenda, Instant start, Channel channel) {
    citizens++;
    return new BookingRequest(NOVAK, agenda, start, new Citizen("Občan Sobotní", "sobota" + citizens + "@example.cz",
        null), "Na sobotu", channel, Language.CS);
  }

  private void openSaturdayOn(Set<LocalDate> dates) {
    List<Window> windows = new ArrayList<>(Fixtures.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)));
    windows.add(saturday(dates));
    diary.changingSchedule().replaceWindows(ADMIN, NOVAK, windows);
  }

  @Test
  void theSaturdayServiceOffersOnlyItsAgendasWhileWeekdaysOfferEveryAgenda() {
    assertThat(free(ID_CARD, SATURDAY)).extracting(FreeSlot::start).hasSize(12).first().isEqualTo(at(SATURDAY, 9));
    assertThat(free(PASSPORT, SATURDAY)).isNotEmpty();
    assertThat(free(RESIDENCE, SATURDAY)).isEmpty();
    assertThat(diary.findingFreeSlots().ofDepartment(CIVIL, RESIDENCE, SATURDAY, SATURDAY)).isEmpty();
    assertThat(diary.findingFreeSlots().daysOfOfficial(NOVAK, RESIDENCE, TUESDAY, SATURDAY))
        .containsKey(TUESDAY).doesNotContainKey(SATURDAY);
    assertThat(diary.findingFreeSlots().ofOfficialForStaff(OPERATOR, NOVAK, RESIDENCE, SATURDAY, SATURDAY)).isEmpty();
    assertThat(free(RESIDENCE, TUESDAY)).isNotEmpty();
  }

  @Test
  void aBookingOfAnAgendaTheWindowDoesNotServeIsRefusedForTheWebAndForOperators() {
    assertThatThrownBy(() -> diary.booking().book(request(RESIDENCE, at(SATURDAY, 9), Channel.WEB)))
        .isInstanceOfSatisfying(SlotNotBookable.class,
            e -> assertThat(e.reason()).isEqualTo(SlotNotBookable.Reason.AGENDA_NOT_SERVED));
    assertThatThrownBy(() -> diary.booking().bookForCaller(OPERATOR, request(RESIDENCE, at(SATURDAY, 9), Channel.PHONE)))
        .isInstanceOfSatisfying(SlotNotBookable.class,
            e -> assertThat(e.reason()).isEqualTo(SlotNotBookable.Reason.AGENDA_NOT_SERVED));
    assertThat(storage.reservations().ofOfficial(NOVAK, at(SATURDAY, 0), at(SATURDAY, 23))).isEmpty();

    assertThat(diary.booking().book(request(ID_CARD, at(SATURDAY, 9), Channel.WEB)).reservation().start())
        .isEqualTo(at(SATURDAY, 9));
    assertThat(diary.booking().book(request(RESIDENCE, at(TUESDAY, 9), Channel.WEB)).reservation().start())
        .isEqualTo(at(TUESDAY, 9));
  }

  @Test
  void aRaceForTheSaturdaySlotBooksOneIdCardAndNoResidence() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<String>> racers = new ArrayList<>();
    List<BookingRequest> requests = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      requests.add(request(i % 2 == 0 ? RESIDENCE : ID_CARD, at(SATURDAY, 10), Channel.WEB));
    }
    for (BookingRequest r : requests) {
      racers.add(() -> {
        try {
          diary.booking().book(r);
          return "booked " + r.agenda();
        } catch (SlotNotBookable e) {
          return e.reason() + " " + r.agenda();
        } catch (SlotTaken e) {
          return "taken " + r.agenda();
        }
      });
    }
    List<String> outcomes = new ArrayList<>();
    try {
      for (Future<String> f : pool.invokeAll(racers)) {
        outcomes.add(f.get());
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(outcomes).filteredOn(o -> o.endsWith(RESIDENCE.value()))
        .hasSize(RACERS / 2).allMatch(o -> o.equals("AGENDA_NOT_SERVED " + RESIDENCE));
    assertThat(outcomes).filteredOn(o -> o.startsWith("booked")).containsExactly("booked " + ID_CARD);
    assertThat(storage.reservations().ofOfficial(NOVAK, at(SATURDAY, 0), at(SATURDAY, 23)))
        .singleElement().satisfies(r -> assertThat(r.agenda()).isEqualTo(ID_CARD));
  }

  @Test
  void theServiceIsClosedOnStStephensDayUnlessOpenedForThatDate() {
    assertThat(free(ID_CARD, ST_STEPHENS_DAY)).isEmpty();
    assertThatThrownBy(() -> diary.booking().book(request(ID_CARD, at(ST_STEPHENS_DAY, 9), Channel.WEB)))
        .isInstanceOfSatisfying(SlotNotBookable.class,
            e -> assertThat(e.reason()).isEqualTo(SlotNotBookable.Reason.HOLIDAY));

    openSaturdayOn(Set.of(ST_STEPHENS_DAY));
    assertThat(storage.diaries().windows(NOVAK)).last().extracting(Window::holidayOpenings)
        .isEqualTo(Set.of(ST_STEPHENS_DAY));
    assertThat(free(ID_CARD, ST_STEPHENS_DAY)).isNotEmpty();
    assertThat(free(RESIDENCE, ST_STEPHENS_DAY)).isEmpty();
    assertThat(diary.booking().book(request(ID_CARD, at(ST_STEPHENS_DAY, 9), Channel.WEB)).reservation().start())
        .isEqualTo(at(ST_STEPHENS_DAY, 9));
  }

  @Test
  void aWindowServesOnlyAgendasItsOfficialHandles() {
    List<Window> windows = List.of(saturday(Set.of()).withAgendas(Set.of(Fixtures.PASSPORT, AgendaId.of("trade"))));
    assertThatThrownBy(() -> diary.changingSchedule().replaceWindows(ADMIN, SVOBODA, windows))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("windows[0].agendas"));

    DepartmentEntry trade = diary.importingDirectory().export(ADMIN).departments().stream()
        .filter(d -> d.id().equals(Fixtures.TRADE.value())).findFirst().orElseThrow();
    DirectoryDocument document = new DirectoryDocument(null, null, List.of(new DepartmentEntry(trade.id(),
        trade.office(), trade.name(), trade.place(), null, List.of(new OfficialEntry(SVOBODA.value(), "Petr Svoboda",
            "dveře 201", null, true, List.of(new WindowEntry(DayOfWeek.SATURDAY, LocalTime.of(9, 0),
                LocalTime.of(12, 0), LocalDate.of(2026, 1, 1), null, null, null, null, null, null,
                List.of(ID_CARD.value()))))), null)));
    assertThatThrownBy(() -> diary.importingDirectory().apply(ADMIN, document))
        .isInstanceOfSatisfying(DocumentInvalid.class, e -> assertThat(e.errors()).extracting(DocumentInvalid.Finding::path)
            .contains("$.departments[0].officials[0].windows[0].agendas"));
    assertThat(storage.diaries().windows(SVOBODA)).noneMatch(w -> w.day() == DayOfWeek.SATURDAY);
  }

  @Test
  void theDirectoryDocumentCarriesAWindowsAgendasAndHolidayOpeningsBothWays() {
    openSaturdayOn(Set.of(ST_STEPHENS_DAY));
    DirectoryDocument exported = diary.importingDirectory().export(ADMIN);
    WindowEntry saturday = exported.departments().stream().flatMap(d -> d.officials().stream())
        .filter(o -> o.id().equals(NOVAK.value())).flatMap(o -> o.windows().stream())
        .filter(w -> w.day() == DayOfWeek.SATURDAY).findFirst().orElseThrow();
    assertThat(saturday.agendas()).containsExactly(ID_CARD.value(), PASSPORT.value());
    assertThat(saturday.holidayOpenings()).containsExactly(ST_STEPHENS_DAY);
    assertThat(saturday.onHolidays()).isNull();

    storage.transactions().run(() -> storage.diaries().replaceWindows(NOVAK, List.of()));
    diary.importingDirectory().apply(ADMIN, exported);
    assertThat(storage.diaries().windows(NOVAK)).last().isEqualTo(saturday(Set.of(ST_STEPHENS_DAY)));
  }

  @Test
  void anOfficeNamesItsHolidayCalendarAndFreeTimeFollowsIt() {
    // A neighbouring country whose holiday is 19 December and not 26 December.
    CivicDiary plugged = diary(CivicDiary.builder().holidayCalendar("XX",
        date -> date.equals(SATURDAY) ? Optional.of(LocalizedText.of("Svátek", "Holiday")) : Optional.empty()));
    // What the console's select offers: the built-in calendar and those plugged in, sorted.
    assertThat(plugged.readingDirectory().holidayCalendars()).containsExactly("CZ", "XX");
    assertThat(diary.readingDirectory().holidayCalendars()).containsExactly("CZ");
    Office office = storage.directory().office(Fixtures.OFFICE).orElseThrow();
    plugged.administering().saveOffice(ADMIN, office.withHolidayCalendar("XX"));
    assertThat(storage.directory().office(Fixtures.OFFICE).orElseThrow().holidayCalendar()).isEqualTo("XX");

    assertThat(plugged.findingFreeSlots().ofOfficial(NOVAK, ID_CARD, SATURDAY, SATURDAY)).isEmpty();
    assertThat(plugged.findingFreeSlots().ofOfficial(NOVAK, ID_CARD, ST_STEPHENS_DAY, ST_STEPHENS_DAY)).isNotEmpty();

    assertThatThrownBy(() -> diary.administering().saveOffice(ADMIN, office.withHolidayCalendar("AT")))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("holidayCalendar"));
    assertThat(storage.directory().office(Fixtures.OFFICE).orElseThrow().holidayCalendar()).isEqualTo("XX");
  }
}
