/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.PASSPORT;
import static org.civicdiary.testkit.contract.Fixtures.RETIRED;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.SVOBODA;
import static org.civicdiary.testkit.contract.Fixtures.TUESDAY_10;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deputies: how storage keeps the ordered lists, how administrators' lists are checked, and that a
 * displaced citizen's proposals and a full diary's offer ask the deputies first, in their order.
 * An adapter's test extends this class and returns a new, empty storage from {@link #emptyStorage()}.
 */
public abstract class DeputiesContract {
  private static final StaffMember ADMIN = new StaffMember("alena.admin", Role.ADMIN, null);
  private static final StaffMember OPERATOR = new StaffMember("olga.operator", Role.OPERATOR, null);
  /** Sorts before every other official: proposals must follow the deputies' order, not the ids'. */
  private static final OfficialId BILY = OfficialId.of("adam-bily");
  private static final OfficialId ZEMAN = OfficialId.of("zdenek-zeman");
  protected Storage storage;
  private CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    storage.transactions().run(() -> {
      for (OfficialId colleague : List.of(BILY, ZEMAN)) {
        storage.directory().save(new Official(colleague, CIVIL, colleague.value(), null, null, true));
        storage.diaries().replaceWindows(colleague, Fixtures.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)));
      }
      storage.directory().save(idCard(NOVAK, DVORAK, RETIRED, BILY, ZEMAN));
    });
    diary = CivicDiary.builder().storage(storage).clock(new MutableClock(NOW)).random(new SecureRandom()).build();
  }

  private static Agenda idCard(OfficialId... officials) {
    return new Agenda(ID_CARD, CIVIL, LocalizedText.of("Občanský průkaz", "ID card"), 1, Set.of(officials));
  }

  private static Deputies deputies(OfficialId official, AgendaId agenda, OfficialId... deputies) {
    return new Deputies(official, agenda, List.of(deputies));
  }

  private void save(Deputies deputies) {
    storage.transactions().run(() -> storage.directory().save(deputies));
  }

  @Test
  void storageKeepsTheOrderAndReplacesTheWholeList() {
    save(deputies(NOVAK, ID_CARD, ZEMAN, DVORAK, BILY));
    save(deputies(NOVAK, PASSPORT, DVORAK));

    assertThat(storage.directory().deputies(NOVAK, ID_CARD).deputies()).containsExactly(ZEMAN, DVORAK, BILY);
    assertThat(storage.directory().deputies(NOVAK)).containsExactly(
        deputies(NOVAK, ID_CARD, ZEMAN, DVORAK, BILY), deputies(NOVAK, PASSPORT, DVORAK));

    save(deputies(NOVAK, ID_CARD, BILY, ZEMAN));
    assertThat(storage.directory().deputies(NOVAK, ID_CARD).deputies()).containsExactly(BILY, ZEMAN);
    save(Deputies.none(NOVAK, PASSPORT));
    assertThat(storage.directory().deputies(NOVAK)).containsExactly(deputies(NOVAK, ID_CARD, BILY, ZEMAN));
    assertThat(storage.directory().deputies(DVORAK, ID_CARD)).isEqualTo(Deputies.none(DVORAK, ID_CARD));
  }

  @Test
  void storageRefusesUnknownOfficialsAndAgendasAndKeepsTheList() {
    save(deputies(NOVAK, ID_CARD, DVORAK));

    assertThatThrownBy(() -> save(deputies(NOVAK, ID_CARD, OfficialId.of("nobody"))))
        .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.id()).isEqualTo("nobody"));
    assertThatThrownBy(() -> save(deputies(OfficialId.of("nobody"), ID_CARD, DVORAK)))
        .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.id()).isEqualTo("nobody"));
    assertThatThrownBy(() -> save(deputies(NOVAK, AgendaId.of("nothing"), DVORAK)))
        .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.kind()).isEqualTo("agenda"));
    assertThat(storage.directory().deputies(NOVAK, ID_CARD).deputies()).containsExactly(DVORAK);
  }

  @Test
  void takingTheAgendaFromADeputyDropsThemAndFromTheOfficialDropsTheList() {
    save(deputies(NOVAK, ID_CARD, ZEMAN, DVORAK, BILY));
    save(deputies(DVORAK, ID_CARD, NOVAK));

    storage.transactions().run(() -> storage.directory().save(idCard(NOVAK, DVORAK, BILY)));

    assertThat(storage.directory().deputies(NOVAK, ID_CARD).deputies()).containsExactly(DVORAK, BILY);
    assertThat(storage.directory().deputies(DVORAK, ID_CARD).deputies()).containsExactly(NOVAK);

    storage.transactions().run(() -> storage.directory().save(idCard(DVORAK, BILY)));

    assertThat(storage.directory().deputies(NOVAK)).isEmpty();
    assertThat(storage.directory().deputies(DVORAK, ID_CARD).deputies()).isEmpty();
  }

  @Test
  void administratorsListsAreCheckedAndARefusedListChangesNothing() {
    diary.administering().replaceDeputies(ADMIN, deputies(NOVAK, ID_CARD, ZEMAN, DVORAK));

    assertThatThrownBy(() -> deputies(NOVAK, ID_CARD, DVORAK, NOVAK))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("deputies"));
    assertThatThrownBy(() -> deputies(NOVAK, ID_CARD, DVORAK, DVORAK))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("deputies"));
    assertThatThrownBy(() -> diary.administering().replaceDeputies(ADMIN, deputies(NOVAK, ID_CARD, SVOBODA)))
        .as("does not handle the agenda")
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("deputies"));
    assertThatThrownBy(() -> diary.administering().replaceDeputies(ADMIN, deputies(NOVAK, ID_CARD, RETIRED)))
        .as("inactive")
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("deputies"));
    assertThatThrownBy(() -> diary.administering().replaceDeputies(ADMIN, deputies(NOVAK, ID_CARD, OfficialId.of("nobody"))))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("deputies"));
    assertThatThrownBy(() -> diary.administering().replaceDeputies(ADMIN, deputies(BILY, PASSPORT, NOVAK)))
        .as("the official does not handle the agenda")
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("agenda"));
    assertThatThrownBy(() -> diary.administering().replaceDeputies(OPERATOR, deputies(NOVAK, ID_CARD, BILY)))
        .isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.administering().deputies(OPERATOR, NOVAK)).isInstanceOf(NotPermitted.class);

    assertThat(diary.administering().deputies(ADMIN, NOVAK)).containsExactly(deputies(NOVAK, ID_CARD, ZEMAN, DVORAK));
    assertThat(storage.auditLog().latest(10)).singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo("deputies.save"));
  }

  @Test
  void proposalsOfferTheDeputiesTimesFirstInTheirOrderThenOtherColleagues() {
    diary.administering().replaceDeputies(ADMIN, deputies(NOVAK, ID_CARD, ZEMAN, DVORAK));
    Booked booked = diary.booking().book(new BookingRequest(NOVAK, ID_CARD, TUESDAY_10,
        new Citizen("Marie Procházková", "marie@example.org", null), "Nový občanský průkaz", Channel.WEB, Language.CS));
    diary.recordingAbsence().record(OPERATOR,
        new AbsenceRequest(NOVAK, TUESDAY_10, TUESDAY_10.plus(SLOT), AbsenceKind.ILLNESS, null));

    List<FreeSlot> proposals = diary.managingOwnReservation().proposals(booked.token());

    // The rank chooses which times are proposed (three each: the official, each deputy in order,
    // the other colleagues); the citizen sees them by start.
    assertThat(proposals).hasSize(12);
    assertThat(proposals).extracting(FreeSlot::start).isSorted();
    assertThat(proposals).extracting(FreeSlot::official).containsOnly(NOVAK, ZEMAN, DVORAK, BILY);
    for (OfficialId each : List.of(NOVAK, ZEMAN, DVORAK, BILY)) {
      assertThat(proposals).filteredOn(p -> p.official().equals(each)).hasSize(3);
    }
    assertThat(diary.workingTheWorklist().worklist(OPERATOR).displaced()).singleElement()
        .satisfies(item -> assertThat(item.proposals()).isEqualTo(proposals));
  }

  @Test
  void aFullDiaryOffersTheFirstDeputyWithFreeTimeAndItsFirstTime() {
    LocalDate monday = LocalDate.of(2027, 3, 1);
    diary.administering().replaceDeputies(ADMIN, deputies(NOVAK, ID_CARD, ZEMAN, DVORAK));

    assertThat(diary.findingFreeSlots().deputyOffer(NOVAK, ID_CARD)).as("Novák has free time").isEmpty();

    storage.transactions().run(() -> {
      storage.diaries().replaceWindows(NOVAK, List.of());
      storage.diaries().replaceWindows(ZEMAN, Fixtures.weekdays(LocalTime.of(14, 0), LocalTime.of(15, 0)));
    });
    FreeSlot zemanFirst = diary.findingFreeSlots().ofOfficial(ZEMAN, ID_CARD, monday, monday.plusDays(7)).get(0);
    assertThat(diary.findingFreeSlots().deputyOffer(NOVAK, ID_CARD)).contains(zemanFirst);
    assertThat(zemanFirst.start()).isEqualTo(monday.atTime(14, 0).atZone(Office.DEFAULT_ZONE).toInstant());

    storage.transactions().run(() -> storage.diaries().replaceWindows(ZEMAN, List.of()));
    FreeSlot dvorakFirst = diary.findingFreeSlots().ofOfficial(DVORAK, ID_CARD, monday, monday.plusDays(7)).get(0);
    assertThat(diary.findingFreeSlots().deputyOffer(NOVAK, ID_CARD)).contains(dvorakFirst);
    assertThat(diary.findingFreeSlots().deputyOffer(DVORAK, ID_CARD)).as("no deputies of her own").isEmpty();
  }

}
