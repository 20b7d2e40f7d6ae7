/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.civicdiary.booking.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingCodeTest {
  @Test
  void theAlphabetHasNoLookAlikes() {
    assertThat(BookingCode.ALPHABET).hasSize(25).doesNotContainPattern("[0O1IL2Z5S8B]");
    assertThat(BookingCode.ALPHABET.chars().distinct().count()).isEqualTo(25);
    assertThat(BookingCode.ALPHABET).matches("[0-9A-Z]+");
  }

  @Test
  void drawnCodesAreSevenCharactersOfTheAlphabetAndRarelyRepeat() {
    SecureRandom random = new SecureRandom();
    Set<BookingCode> seen = new HashSet<>();
    Set<Character> used = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      BookingCode code = BookingCode.generate(random);
      assertThat(code.value()).hasSize(BookingCode.LENGTH);
      code.value().chars().forEach(c -> used.add((char) c));
      seen.add(code);
    }
    assertThat(seen).as("10,000 draws from 6.1 billion codes").hasSizeGreaterThan(9_990);
    assertThat(used).as("every character is drawn").hasSize(25);
  }

  @Test
  void theSameRandomDrawsTheSameCode() {
    assertThat(BookingCode.generate(new Random(7))).isEqualTo(BookingCode.generate(new Random(7)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ACDEFG", "ACDEFGHJ", "ACDEFG0", "ACDEFGO", "ACDEFGI", "ACDEFGS", "acdefgh", "ACD-EFG"})
  void refusesAnythingButSevenCharactersOfTheAlphabet(String value) {
    assertThatThrownBy(() -> new BookingCode(value))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("code"));
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> new BookingCode(null)).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> BookingCode.parse(null)).isInstanceOf(InvalidInput.class);
    assertThat(BookingCode.looksLikeCode(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"7kx94ma", "7KX-94MA", " 7kx 94ma ", "7K-X9-4MA", "7kx–94ma", "7KX\t94MA"})
  void readsWhatAPersonTypes(String typed) {
    assertThat(BookingCode.parse(typed)).isEqualTo(new BookingCode("7KX94MA"));
    assertThat(BookingCode.looksLikeCode(typed)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Novák", "novak@example.cz", "7KX94M", "7KX94MAA", "7KX94M0", "+420 601 234 567"})
  void aNameOrAnAddressIsNoCode(String typed) {
    assertThat(BookingCode.looksLikeCode(typed)).isFalse();
    assertThatThrownBy(() -> BookingCode.parse(typed)).isInstanceOf(InvalidInput.class);
  }

  @Test
  void numberedCodesDifferForDifferentNumbers() {
    assertThat(BookingCode.numbered(0)).isEqualTo(new BookingCode("3333333"));
    assertThat(BookingCode.numbered(1)).isEqualTo(new BookingCode("3333334"));
    assertThat(BookingCode.numbered(25)).isEqualTo(new BookingCode("3333343"));
    long last = 6_103_515_624L;
    assertThat(BookingCode.numbered(last)).isEqualTo(new BookingCode("YYYYYYY"));
    Set<BookingCode> codes = new HashSet<>();
    for (long n = 0; n < 5_000; n++) {
      codes.add(BookingCode.numbered(n * 1_220_703L));
    }
    assertThat(codes).hasSize(5_000);
    assertThatThrownBy(() -> BookingCode.numbered(last + 1)).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> BookingCode.numbered(-1)).isInstanceOf(InvalidInput.class);
  }

  @Test
  void aSearchTextThatReadsAsACodeFindsIt() {
    assertThat(new ReservationSearch("7kx-94ma", null, null, null, null, null, 10).code())
        .contains(new BookingCode("7KX94MA"));
    assertThat(new ReservationSearch("Procházková", null, null, null, null, null, 10).code()).isEmpty();
    assertThat(new ReservationSearch(null, null, null, null, null, null, 10).code()).isEmpty();
  }
}
