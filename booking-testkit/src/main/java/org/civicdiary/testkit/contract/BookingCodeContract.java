/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.reservation;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Booking codes in the store: unique among open reservations, kept by the store itself under
 * concurrency, free again once a reservation is closed, and found by staff search however typed.
 * An adapter's test extends this class.
 */
public abstract class BookingCodeContract {
  protected Storage storage;
  protected CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    diary = CivicDiary.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  private Reservation withCode(Reservation r, BookingCode code) {
    return new Reservation(r.id(), code, r.department(), r.official(), r.agenda(), r.start(), r.end(), r.citizen(),
        r.topic(), r.channel(), r.language(), r.status(), r.createdAt(), r.updatedAt(), r.version(), r.sequence(),
        r.note());
  }

  private void add(Reservation r) {
    storage.transactions().run(() -> storage.reservations().add(r, SLOT));
  }

  @Test
  void aStoredReservationKeepsItsCode() {
    Reservation r = withCode(reservation(NOVAK, slot(0), "marie@example.cz"), new BookingCode("7KX94MA"));
    add(r);
    assertThat(storage.reservations().find(r.id()).orElseThrow().code()).isEqualTo(new BookingCode("7KX94MA"));
    assertThat(storage.reservations().codeInUse(new BookingCode("7KX94MA"))).isTrue();
    assertThat(storage.reservations().codeInUse(new BookingCode("7KX94MC"))).isFalse();
  }

  @Test
  void theStoreRefusesASecondOpenReservationWithTheSameCode() {
    BookingCode code = new BookingCode("AAAAAAA");
    add(withCode(reservation(NOVAK, slot(0), "marie@example.cz"), code));
    Reservation twin = withCode(reservation(DVORAK, slot(0), "petr@example.cz"), code);
    assertThatThrownBy(() -> add(twin)).isInstanceOf(ConcurrentChange.class);
    assertThat(storage.reservations().find(twin.id())).as("nothing written").isEmpty();
    assertThat(storage.reservations().busy(List.of(DVORAK), slot(0), slot(1))).isEmpty();
    Reservation displacedTwin = withCode(reservation(DVORAK, slot(2), 1, "jana@example.cz", Status.DISPLACED), code);
    assertThatThrownBy(() -> add(displacedTwin)).as("displaced is open too").isInstanceOf(ConcurrentChange.class);
  }

  @Test
  void aClosedReservationsCodeIsFreeAgain() {
    BookingCode code = new BookingCode("CCCCCCC");
    Reservation first = withCode(reservation(NOVAK, slot(0), "marie@example.cz"), code);
    add(first);
    storage.transactions().run(() -> storage.reservations().update(first.withStatus(Status.CANCELLED, null, NOW), SLOT));
    assertThat(storage.reservations().codeInUse(code)).isFalse();
    add(withCode(reservation(NOVAK, slot(0), 1, "old@example.cz", Status.COMPLETED), code));
    Reservation second = withCode(reservation(NOVAK, slot(1), "petr@example.cz"), code);
    add(second);
    assertThat(storage.reservations().codeInUse(code)).isTrue();
    assertThat(storage.reservations().find(second.id()).orElseThrow().code()).isEqualTo(code);
  }

  @Test
  void aCodeStaysOpenWhileTheReservationIsDisplacedAndMoved() {
    BookingCode code = new BookingCode("DDDDDDD");
    Reservation r = withCode(reservation(NOVAK, slot(0), "marie@example.cz"), code);
    add(r);
    Reservation displaced = r.withStatus(Status.DISPLACED, null, NOW);
    storage.transactions().run(() -> storage.reservations().update(displaced, SLOT));
    assertThat(storage.reservations().codeInUse(code)).isTrue();
    Reservation moved = displaced.movedTo(DVORAK, slot(3), slot(4), null, NOW);
    storage.transactions().run(() -> storage.reservations().update(moved, SLOT));
    assertThat(storage.reservations().codeInUse(code)).isTrue();
    assertThat(storage.reservations().find(r.id()).orElseThrow().code()).isEqualTo(code);
  }

  @Test
  void staffFindAReservationByItsCodeHoweverTyped() {
    Reservation marie = withCode(reservation(NOVAK, slot(0), "marie@example.cz"), new BookingCode("7KX94MA"));
    Reservation petr = withCode(reservation(NOVAK, slot(1), "petr@example.cz"), new BookingCode("9HHWXYC"));
    add(marie);
    add(petr);
    storage.transactions().run(() -> storage.reservations().update(petr.withStatus(Status.CANCELLED, null, NOW), SLOT));
    for (String typed : List.of("7KX94MA", "7kx94ma", "7kx-94ma", " 7KX 94MA ")) {
      assertThat(search(typed)).as(typed).extracting(Reservation::id).containsExactly(marie.id());
    }
    assertThat(search("9hh-wxyc")).as("closed ones too").extracting(Reservation::id).containsExactly(petr.id());
    assertThat(search("7KX94MC")).isEmpty();
    assertThat(search("marie@")).as("text search still works").extracting(Reservation::id).containsExactly(marie.id());
  }

  private List<Reservation> search(String text) {
    return storage.reservations().search(new ReservationSearch(text, null, null, null, null, null, 100));
  }

  @Test
  void concurrentBookingsAllGetDistinctCodes() throws Exception {
    List<FreeSlot> free = new ArrayList<>();
    free.addAll(freeSlots(NOVAK));
    free.addAll(freeSlots(DVORAK));
    int count = Math.min(free.size(), 120);
    AtomicInteger next = new AtomicInteger();
    List<Reservation> booked = Collections.synchronizedList(new ArrayList<>());
    ConcurrencyContract.race(16, () -> {
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        FreeSlot slot = free.get(i);
        booked.add(diary.booking().book(new BookingRequest(slot.official(), ID_CARD, slot.start(),
            new Citizen("Občan " + i, "code" + i + "@example.cz", null), "Občanský průkaz", Channel.WEB,
            Language.CS)).reservation());
      }
    });
    assertThat(booked).hasSize(count);
    assertThat(booked).extracting(Reservation::code).doesNotHaveDuplicates();
    List<Reservation> stored = storage.reservations().search(new ReservationSearch(null, null, null, Status.ACTIVE,
        null, null, 10_000));
    assertThat(stored).extracting(Reservation::code)
        .containsExactlyInAnyOrderElementsOf(booked.stream().map(Reservation::code).toList());
    assertThat(stored).allMatch(r -> storage.reservations().codeInUse(r.code()));
  }

  private List<FreeSlot> freeSlots(OfficialId official) {
    return diary.findingFreeSlots().ofOfficial(official, ID_CARD, LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 5));
  }
}
