/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 Appendix B, the SHA-1 rows (eight digits there). */
  @ParameterizedTest
  @CsvSource({
      "59, 94287082",
      "1111111109, 07081804",
      "1111111111, 14050471",
      "1234567890, 89005924",
      "2000000000, 69279037",
      "20000000000, 65353130"})
  void theRfc6238TestVectors(long seconds, String code) {
    assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(seconds)), 8, "HmacSHA1")).isEqualTo(code);
  }

  @Test
  void sixDigitsAreTheLastSixOfTheSameNumber() {
    assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111109)), 6, "HmacSHA1")).isEqualTo("081804");
  }

  /** RFC 4648 section 10. */
  @ParameterizedTest
  @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
  void base32AsRfc4648Has(String text, String base32) {
    assertThat(Totp.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
    assertThat(new String(Totp.decode(base32.toLowerCase()), StandardCharsets.US_ASCII)).isEqualTo(text);
  }

  @Test
  void base32RoundTripsTwentyRandomBytes() {
    byte[] bytes = new byte[20];
    new Random(7).nextBytes(bytes);
    assertThat(Totp.encode(bytes)).hasSize(32);
    assertThat(Totp.decode(Totp.encode(bytes))).isEqualTo(bytes);
  }

  @Test
  void aCodeOfTheStepBeforeOrAfterMatchesOneTwoStepsAwayDoesNot() {
    String secret = Totp.encode(RFC_SEED);
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    long step = Totp.step(now);
    assertThat(Totp.match(secret, code(step - 1), now, -1)).isEqualTo(OptionalLong.of(step - 1));
    assertThat(Totp.match(secret, code(step + 1), now, -1)).isEqualTo(OptionalLong.of(step + 1));
    assertThat(Totp.match(secret, code(step), now, -1)).isEqualTo(OptionalLong.of(step));
    assertThat(Totp.match(secret, code(step - 2), now, -1)).isEmpty();
    assertThat(Totp.match(secret, code(step + 2), now, -1)).isEmpty();
  }

  @Test
  void aCodeOfAStepAcceptedBeforeDoesNotMatchAgain() {
    String secret = Totp.encode(RFC_SEED);
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    long step = Totp.step(now);
    assertThat(Totp.match(secret, code(step), now, step)).isEmpty();
    assertThat(Totp.match(secret, code(step - 1), now, step - 1)).isEmpty();
    assertThat(Totp.match(secret, code(step + 1), now, step)).isEqualTo(OptionalLong.of(step + 1));
  }

  @Test
  void onlySixDigitsAreACode() {
    String secret = Totp.encode(RFC_SEED);
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    String good = code(Totp.step(now));
    assertThat(Totp.match(secret, " " + good + " ", now, -1)).isPresent();
    assertThat(Totp.match(secret, good + "0", now, -1)).isEmpty();
    assertThat(Totp.match(secret, "abcdef", now, -1)).isEmpty();
    assertThat(Totp.match(secret, null, now, -1)).isEmpty();
  }

  private static String code(long step) {
    return Totp.code(RFC_SEED, step, 6, "HmacSHA1");
  }
}
