/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Status;
import org.junit.jupiter.api.Test;

/** Bookings draw their code from the core's random source and draw again on a collision. */
class BookingCodesTest {
  private final TownHall hall = TownHall.at("2027-03-01T07:00:00Z");
  private final OfficialId novak = hall.official("novak", TownHall.workdays("08:00", "12:00"));
  private final AgendaId idCard = hall.agenda("id-card", 1, novak);
  private final List<FreeSlot> free = hall.free(novak, idCard, LocalDate.of(2027, 3, 2));

  /** Answers {@code nextInt} from a script: each code is seven indexes into the alphabet. */
  private static final class ScriptedRandom extends SecureRandom {
    private final Deque<Integer> script = new ArrayDeque<>();

    ScriptedRandom thenCode(String code) {
      code.chars().forEach(c -> script.add(BookingCode.ALPHABET.indexOf(c)));
      return this;
    }

    @Override
    public int nextInt(int bound) {
      if (script.isEmpty()) {
        throw new IllegalStateException("the script has run out");
      }
      return script.poll();
    }
  }

  private CivicDiary diaryWith(SecureRandom random) {
    return CivicDiary.builder().storage(hall.storage).clock(hall.clock).random(random).build();
  }

  @Test
  void aCollisionWithAnOpenReservationDrawsAgain() {
    ScriptedRandom random = new ScriptedRandom().thenCode("AAAAAAA").thenCode("AAAAAAA").thenCode("CCCCCCC");
    CivicDiary diary = diaryWith(random);
    Booked first = diary.booking().book(TownHall.request(novak, idCard, free.get(0).start(), hall.citizen()));
    Booked second = diary.booking().book(TownHall.request(novak, idCard, free.get(1).start(), hall.citizen()));
    assertThat(first.reservation().code()).isEqualTo(new BookingCode("AAAAAAA"));
    assertThat(second.reservation().code()).as("the second draw repeated the first code").isEqualTo(new BookingCode("CCCCCCC"));
    assertThat(random.script).isEmpty();
  }

  @Test
  void aClosedReservationsCodeMayBeDrawnAgain() {
    ScriptedRandom random = new ScriptedRandom().thenCode("AAAAAAA").thenCode("AAAAAAA");
    CivicDiary diary = diaryWith(random);
    Booked first = diary.booking().book(TownHall.request(novak, idCard, free.get(0).start(), hall.citizen()));
    hall.diary.managingOwnReservation().cancel(first.token());
    assertThat(hall.storage.reservations().find(first.reservation().id()).orElseThrow().status())
        .isEqualTo(Status.CANCELLED);
    Booked second = diary.booking().book(TownHall.request(novak, idCard, free.get(1).start(), hall.citizen()));
    assertThat(second.reservation().code()).isEqualTo(first.reservation().code());
  }

  @Test
  void aBrokenRandomSourceFailsInsteadOfLooping() {
    ScriptedRandom random = new ScriptedRandom();
    for (int i = 0; i < 21; i++) {
      random.thenCode("AAAAAAA");
    }
    CivicDiary diary = diaryWith(random);
    diary.booking().book(TownHall.request(novak, idCard, free.get(0).start(), hall.citizen()));
    assertThatThrownBy(() -> diary.booking().book(TownHall.request(novak, idCard, free.get(1).start(), hall.citizen())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("random");
    assertThat(hall.storage.reservations().ofOfficial(novak, free.get(0).start(), free.get(3).end())).hasSize(1);
  }
}
