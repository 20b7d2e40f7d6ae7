/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.booking.usecase.TownHall.OPERATOR;
import static org.civicdiary.booking.usecase.TownHall.local;
import static org.civicdiary.booking.usecase.TownHall.weekly;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManageLinksTest {
  private TownHall hall;
  private OfficialId novak;
  private AgendaId idCard;
  private CountingRandom random;
  private CivicDiary diary;

  /**
   * A real SecureRandom that counts how often it is asked for a token's worth of bytes (the
   * booking code's characters are drawn a few bytes at a time, and are not counted).
   */
  private static final class CountingRandom extends SecureRandom {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public synchronized void nextBytes(byte[] bytes) {
      if (bytes.length >= 16) {
        calls.incrementAndGet();
      }
      super.nextBytes(bytes);
    }
  }

  @BeforeEach
  void townHall() {
    hall = TownHall.at("2027-03-01T06:00:00Z");
    novak = hall.official("novak", weekly(java.time.DayOfWeek.TUESDAY, "08:00", "12:00"));
    OfficialId dvorak = hall.official("dvorak", weekly(java.time.DayOfWeek.TUESDAY, "08:00", "12:00"));
    idCard = hall.agenda("id-card", 1, novak, dvorak);
    random = new CountingRandom();
    diary = CivicDiary.builder().storage(hall.storage).clock(hall.clock).random(random).build();
  }

  private Booked book(String time) {
    return diary.booking().book(TownHall.request(novak, idCard, local("2027-03-02T" + time), hall.citizen()));
  }

  @Test
  void tokenCarriesAtLeast128BitsFromTheConfiguredSecureRandom() {
    Booked booked = book("08:00");

    assertThat(random.calls).hasValue(1);
    String value = booked.token().value();
    assertThat(value).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(value)).hasSizeGreaterThanOrEqualTo(16);
    assertThat(booked.token().toString()).doesNotContain(value);
    assertThat(booked.toString()).doesNotContain(value);
  }

  @Test
  void aLinkExpiresWhenTheMeetingIsOverByTheRetentionPeriod() {
    Booked booked = book("08:00");
    java.time.Duration retention = java.time.Duration.ofDays(
        org.civicdiary.booking.model.BookingPolicy.DEFAULT.retentionDays());
    hall.clock.set(booked.reservation().end().plus(retention));
    assertThat(diary.managingOwnReservation().view(booked.token()).id()).isEqualTo(booked.reservation().id());
    hall.clock.set(booked.reservation().end().plus(retention).plusSeconds(1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> diary.managingOwnReservation().view(booked.token()))
        .isInstanceOf(org.civicdiary.booking.error.TokenInvalid.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> diary.managingOwnReservation().cancel(booked.token()))
        .isInstanceOf(org.civicdiary.booking.error.TokenInvalid.class);
  }

  @Test
  void tokensLookUniformlyRandomBitByBit() {
    int count = 2000;
    int[] ones = new int[256];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < count; i++) {
      ManageToken token = ManageToken.generate(random);
      seen.add(token.value());
      byte[] bits = Base64.getUrlDecoder().decode(token.value());
      for (int b = 0; b < 256; b++) {
        ones[b] += (bits[b / 8] >> (b % 8)) & 1;
      }
    }
    assertThat(seen).hasSize(count);
    // Each bit is a fair coin: 1000 ± 6 standard deviations (22.4) of 2000 tosses.
    for (int b = 0; b < 256; b++) {
      assertThat(ones[b]).as("bit %d", b).isBetween(866, 1134);
    }
  }

  @Test
  void onlyTheHashIsStoredAnywhere() {
    Booked booked = book("08:00");
    ManageToken second = diary.issuingManageLinks().issue(booked.reservation().id());
    diary.managingOwnReservation().reschedule(booked.token(), novak, local("2027-03-02T09:00"));
    diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(novak, local("2027-03-02T09:00"),
        local("2027-03-02T10:00"), AbsenceKind.ILLNESS, null));

    Set<String> stored = strings(hall.storage);

    assertThat(stored).as("the scan reaches the tokens' store").contains(booked.token().hash(), second.hash());
    for (ManageToken token : List.of(booked.token(), second)) {
      assertThat(stored).noneMatch(s -> s.contains(token.value()));
    }
  }

  @Test
  void everyIssuedTokenOpensTheReservation() {
    Booked booked = book("08:00");
    ManageToken forTheReminder = diary.issuingManageLinks().issue(booked.reservation().id());

    assertThat(random.calls).hasValue(2);
    assertThat(forTheReminder).isNotEqualTo(booked.token());
    assertThat(diary.managingOwnReservation().view(forTheReminder).id()).isEqualTo(booked.reservation().id());
    assertThat(diary.managingOwnReservation().view(ManageToken.parse(booked.token().value())).id())
        .isEqualTo(booked.reservation().id());
    diary.managingOwnReservation().cancel(forTheReminder);
    assertThat(diary.managingOwnReservation().view(booked.token()).status())
        .isEqualTo(org.civicdiary.booking.model.Status.CANCELLED);
    assertThatThrownBy(() -> diary.issuingManageLinks().issue(ReservationId.random())).isInstanceOf(NotFound.class);
  }

  /** Every string reachable from the storage's fields, maps, collections and records. */
  private static Set<String> strings(Object root) {
    Set<String> found = new HashSet<>();
    collect(root, found, new IdentityHashMap<>());
    return found;
  }

  private static void collect(Object o, Set<String> found, Map<Object, Boolean> visited) {
    if (o == null || o instanceof Enum<?> || visited.put(o, Boolean.TRUE) != null) {
      return;
    }
    if (o instanceof String s) {
      found.add(s);
    } else if (o instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        collect(k, found, visited);
        collect(v, found, visited);
      });
    } else if (o instanceof Collection<?> c) {
      c.forEach(e -> collect(e, found, visited));
    } else if (o instanceof Object[] array) {
      for (Object e : array) {
        collect(e, found, visited);
      }
    } else if (o instanceof Optional<?> optional) {
      optional.ifPresent(e -> collect(e, found, visited));
    } else if (o.getClass().getName().startsWith("org.civicdiary.")) {
      for (Class<?> c = o.getClass(); c.getName().startsWith("org.civicdiary."); c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
            field.setAccessible(true);
            try {
              collect(field.get(o), found, visited);
            } catch (IllegalAccessException e) {
              throw new AssertionError(e);
            }
          }
        }
      }
    }
  }
}
