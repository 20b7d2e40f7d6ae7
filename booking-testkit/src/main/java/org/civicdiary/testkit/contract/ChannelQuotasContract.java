/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebShare;
import org.civicdiary.booking.model.WebShareUse;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.DirectoryDocument;
import org.civicdiary.booking.usecase.DirectoryDocument.DepartmentEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.OfficeEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.OfficialEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.PolicyEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.WindowEntry;
import org.civicdiary.booking.usecase.StatisticsQuery;
import org.civicdiary.booking.usecase.WeekCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channel quotas: a window keeps a share of each occurrence for the phone until the office's
 * release lead before it begins. The web sees and takes only its own share, however many web
 * bookings race for it (the store holds the line, not only the use case's check), operators may
 * book any free time, and from the release the web may take the rest. An adapter's test extends
 * this class and returns a new, empty storage from {@link #emptyStorage()}.
 */
public abstract class ChannelQuotasContract {
  private static final StaffMember OPERATOR = new StaffMember("olga.operator", Role.OPERATOR, null);
  private static final StaffMember ADMIN = new StaffMember("alena.admin", Role.ADMIN, null);
  /** Friday 5 March 2027, four days after {@link Fixtures#NOW}. */
  private static final LocalDate FRIDAY = LocalDate.of(2027, 3, 5);
  /** The window occurrence: Friday 09:00 to 10:00, four slots, two of them kept for the phone. */
  private static final Instant OPENS = ZonedDateTime.of(FRIDAY, LocalTime.of(9, 0), Office.DEFAULT_ZONE).toInstant();
  /** The default release: 48 hours before the occurrence begins. */
  private static final Instant RELEASE = OPENS.minus(Duration.ofHours(48));
  private static final int RACERS = 32;
  protected Storage storage;
  private MutableClock clock;
  private CivicDiary diary;
  private final AtomicInteger citizens = new AtomicInteger();

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    storage.transactions().run(() -> storage.diaries().replaceWindows(NOVAK, List.of(
        new Window(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), LocalDate.of(2026, 1, 1), null, Set.of(),
            null, 2, 0))));
    clock = new MutableClock(NOW);
    diary = CivicDiary.builder().storage(storage).clock(clock).random(new SecureRandom()).build();
  }

  private static Instant at(int slot) {
    return OPENS.plus(Fixtures.SLOT.multipliedBy(slot));
  }

  private List<Instant> publicStarts() {
    return diary.findingFreeSlots().ofOfficial(NOVAK, ID_CARD, FRIDAY, FRIDAY).stream().map(FreeSlot::start).toList();
  }

  private List<FreeSlot> staffSlots() {
    return diary.findingFreeSlots().ofOfficialForStaff(OPERATOR, NOVAK, ID_CARD, FRIDAY, FRIDAY);
  }

  private Reservation bookOnWeb(Instant start) {
    return diary.booking().book(new BookingRequest(NOVAK, ID_CARD, start,
        new Citizen("Občan Webový", "web" + citizens.incrementAndGet() + "@example.cz", null), "Občanský průkaz",
        Channel.WEB, Language.CS)).reservation();
  }

  private Reservation bookByPhone(Instant start) {
    return diary.booking().bookForCaller(OPERATOR, new BookingRequest(NOVAK, ID_CARD, start,
        new Citizen("Volající Telefonní", null, "+420 601 000 " + (100 + citizens.incrementAndGet())),
        "Občanský průkaz", Channel.PHONE, Language.CS)).reservation();
  }

  private int seatsTaken() {
    return storage.reservations().webShareUse(List.of(NOVAK), OPENS, OPENS.plusSeconds(1)).stream()
        .mapToInt(WebShareUse::taken).sum();
  }

  @Test
  void theWebSeesItsShareAndOperatorsSeeBothWithThePhoneShareMarked() {
    assertThat(publicStarts()).containsExactly(at(0), at(1));
    assertThat(diary.findingFreeSlots().daysOfOfficial(NOVAK, ID_CARD, FRIDAY, FRIDAY)).containsEntry(FRIDAY, 2);

    assertThat(staffSlots()).extracting(FreeSlot::start).containsExactly(at(0), at(1), at(2), at(3));
    assertThat(staffSlots()).extracting(FreeSlot::phoneShare).containsExactly(false, false, true, true);
  }

  @Test
  void aWebBookingBeyondTheWebsShareIsRefusedUntilTheReleaseWhilePhoneBookingsTakeAnyFreeTime() {
    bookOnWeb(at(0));
    bookOnWeb(at(3));
    assertThat(seatsTaken()).isEqualTo(2);
    assertThat(publicStarts()).isEmpty();
    assertThat(staffSlots()).extracting(FreeSlot::start).containsExactly(at(1), at(2));
    assertThat(staffSlots()).allMatch(FreeSlot::phoneShare);

    clock.set(RELEASE.minusSeconds(1));
    assertThatThrownBy(() -> bookOnWeb(at(1))).isInstanceOfSatisfying(SlotNotBookable.class,
        e -> assertThat(e.reason()).isEqualTo(SlotNotBookable.Reason.PHONE_SHARE));
    assertThat(active()).hasSize(2);
    assertThat(bookByPhone(at(2)).status()).isEqualTo(Status.ACTIVE);

    clock.set(RELEASE);
    assertThat(publicStarts()).containsExactly(at(1));
    assertThat(staffSlots()).extracting(FreeSlot::phoneShare).containsExactly(false);
    assertThat(bookOnWeb(at(1)).status()).isEqualTo(Status.ACTIVE);
    assertThat(active()).hasSize(4);
    // released: the web booking took no seat
    assertThat(seatsTaken()).isEqualTo(2);
  }

  @Test
  void cancellingAWebBookingGivesItsSeatBackToTheWeb() {
    Reservation first = bookOnWeb(at(0));
    bookOnWeb(at(1));
    assertThatThrownBy(() -> bookOnWeb(at(2))).isInstanceOf(SlotNotBookable.class);

    diary.handlingReservations().cancel(OPERATOR, first.id(), "the citizen called");

    assertThat(seatsTaken()).isEqualTo(1);
    assertThat(publicStarts()).containsExactly(at(0));
    assertThat(bookOnWeb(at(2)).status()).isEqualTo(Status.ACTIVE);
    assertThat(seatsTaken()).isEqualTo(2);
  }

  @Test
  void aPercentageKeepsItsShareRoundedDown() {
    storage.transactions().run(() -> storage.diaries().replaceWindows(NOVAK, List.of(
        new Window(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), LocalDate.of(2026, 1, 1), null, Set.of(),
            null, 0, 30))));

    // 30 % of four slots is 1.2: one slot kept for the phone
    assertThat(publicStarts()).containsExactly(at(0), at(1), at(2));
    assertThat(staffSlots()).extracting(FreeSlot::phoneShare).containsExactly(false, false, false, true);
  }

  /**
   * Many web bookings race for the last slot of the web's share, each for one of the three free
   * times: exactly one wins, the phone share stays free for operators, and at the release the web
   * may take it.
   */
  @Test
  void racingWebBookingsNeverTakeThePhoneShareBeforeItsRelease() throws Exception {
    bookOnWeb(at(0));
    assertThat(winners(i -> bookOnWeb(at(1 + i % 3)))).isEqualTo(1);
    assertThat(active()).hasSize(2).allMatch(r -> r.channel() == Channel.WEB);
    assertThat(seatsTaken()).isEqualTo(2);
    assertThat(publicStarts()).isEmpty();
    assertThat(staffSlots()).hasSize(2).allMatch(FreeSlot::phoneShare);

    clock.set(RELEASE);
    for (FreeSlot free : staffSlots()) {
      bookOnWeb(free.start());
    }
    assertThat(active()).hasSize(4);
  }

  /**
   * The same race straight against the store, without the diary lock the use cases take first:
   * the seats' unique key alone lets exactly one of the racers have the web's last seat.
   */
  @Test
  void theStoreAloneGivesNoMoreSeatsThanTheWebsShareUnderARace() throws Exception {
    WebShare share = new WebShare(NOVAK, OPENS, OPENS.plus(Duration.ofHours(1)), 2);
    storage.transactions().run(() -> storage.reservations().add(Fixtures.reservation(NOVAK, at(0), "first@example.cz"),
        Fixtures.SLOT, List.of(share)));
    assertThat(winners(i -> storage.transactions().run(() -> storage.reservations().add(
        Fixtures.reservation(NOVAK, at(1 + i % 3), "racer" + i + "@example.cz"), Fixtures.SLOT, List.of(share)))))
        .isEqualTo(1);
    assertThat(seatsTaken()).isEqualTo(2);
    assertThat(active()).hasSize(2);
  }

  @Test
  void statisticsCountThePhoneShareUsedByPhoneAndWhatTheWebTookAfterTheRelease() {
    bookOnWeb(at(0));
    bookOnWeb(at(1));
    bookByPhone(at(2));
    clock.set(RELEASE);
    bookOnWeb(at(3));

    WeekCounts week = diary.reportingStatistics().weekly(ADMIN,
        new StatisticsQuery(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7), CIVIL)).weeks().get(0);

    assertThat(week.phoneShare()).isEqualTo(2);
    assertThat(week.phoneShareUsed()).isEqualTo(1);
    assertThat(week.phoneShareReleasedOnline()).isEqualTo(1);
    assertThat(week.web()).isEqualTo(3);
    assertThat(week.phone()).isEqualTo(1);
  }

  /**
   * The directory document carries the phone share of windows and the office's release: exported,
   * edited and imported again; a share larger than its window refuses the whole document.
   */
  @Test
  void theDirectoryDocumentCarriesThePhoneShareAndItsRelease() {
    DirectoryDocument exported = diary.importingDirectory().export(ADMIN);
    DepartmentEntry civil = exported.departments().stream().filter(d -> d.id().equals(CIVIL.value())).findFirst()
        .orElseThrow();
    OfficialEntry novak = civil.officials().stream().filter(o -> o.id().equals(NOVAK.value())).findFirst().orElseThrow();
    WindowEntry friday = novak.windows().get(0);
    assertThat(friday.phoneSlots()).isEqualTo(2);
    assertThat(friday.phonePercent()).isNull();
    OfficeEntry office = exported.offices().get(0);
    assertThat(office.policy().phoneShareRelease()).isEqualTo(Duration.ofHours(48));

    PolicyEntry p = office.policy();
    PolicyEntry release24 = new PolicyEntry(p.horizonDays(), p.minimumNotice(), p.maxOpenPerEmail(), p.topicMaxLength(),
        p.retentionDays(), p.reminderLead(), p.feedShowsCitizenNames(), Duration.ofHours(24));
    diary.importingDirectory().apply(ADMIN, new DirectoryDocument(null, List.of(new OfficeEntry(office.id(),
        office.name(), office.zone(), office.slotMinutes(), office.place(), office.phones(), release24)),
        List.of(department(civil, novak, windowWith(friday, null, 50)))));

    assertThat(storage.diaries().windows(NOVAK)).singleElement().satisfies(w -> {
      assertThat(w.phoneSlots()).isZero();
      assertThat(w.phonePercent()).isEqualTo(50);
    });
    assertThat(storage.directory().office(Fixtures.OFFICE).orElseThrow().policy().phoneShareRelease())
        .isEqualTo(Duration.ofHours(24));

    assertThatThrownBy(() -> diary.importingDirectory().apply(ADMIN, new DirectoryDocument(null, null,
        List.of(department(civil, novak, windowWith(friday, 5, null)))))).isInstanceOfSatisfying(DocumentInvalid.class,
        e -> assertThat(e.errors()).extracting(DocumentInvalid.Finding::path)
            .anyMatch(path -> path.contains("windows[0]")));
    assertThat(storage.diaries().windows(NOVAK)).singleElement().extracting(Window::phonePercent).isEqualTo(50);
  }

  private static WindowEntry windowWith(WindowEntry w, Integer phoneSlots, Integer phonePercent) {
    return new WindowEntry(w.day(), w.start(), w.end(), w.validFrom(), w.validUntil(), null, w.place(),
        phoneSlots, phonePercent, w.holidayOpenings(), w.agendas());
  }

  /** The department with only this official, whose windows are the one given. */
  private static DepartmentEntry department(DepartmentEntry d, OfficialEntry o, WindowEntry window) {
    return new DepartmentEntry(d.id(), d.office(), d.name(), d.place(), null, List.of(new OfficialEntry(o.id(), o.name(),
        o.room(), o.email(), o.active(), List.of(window))), null);
  }

  private List<Reservation> active() {
    return storage.reservations().ofOfficial(NOVAK, OPENS, OPENS.plus(Duration.ofHours(1))).stream()
        .filter(r -> r.status() == Status.ACTIVE).toList();
  }

  /**
   * Runs the attempt on {@link #RACERS} threads at once (each with its own number) and counts the
   * ones that succeeded; the others must have lost the race for the share's seat or for the slot.
   */
  private static int winners(IntConsumer attempt) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger won = new AtomicInteger();
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    ConcurrencyContract.race(RACERS, () -> {
      try {
        attempt.accept(next.getAndIncrement());
        won.incrementAndGet();
      } catch (SlotNotBookable | SlotTaken | ConcurrentChange e) {
        // lost: the share's last seat or the slot itself went to another racer
      } catch (RuntimeException e) {
        unexpected.add(e);
      }
    });
    assertThat(unexpected).isEmpty();
    return won.get();
  }
}
