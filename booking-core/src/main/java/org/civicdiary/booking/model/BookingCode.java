/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.civicdiary.booking.error.InvalidInput;

/**
 * The short code a citizen reads out at the reception or on the phone: seven characters from an
 * alphabet without look-alikes, unique among open reservations (the store enforces it). Not a
 * secret: the manage link stays the key to a reservation.
 *
 * <p>The alphabet leaves out 0/O, 1/I/L, 2/Z, 5/S and 8/B, which are confused when read aloud,
 * handwritten or typed from a phone's screen; 25 characters remain. Seven of them give 25^7 ≈ 6.1
 * billion codes: with a million open reservations a fresh code collides with odds of about 1 in
 * 6,000, and a collision only costs another draw. Seven is also short enough to dictate in one breath.
 *
 * @param value upper case, exactly {@link #LENGTH} characters of {@link #ALPHABET}
 */
public record BookingCode(String value) {
  /** Digits and upper-case letters without look-alikes. */
  public static final String ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
  public static final int LENGTH = 7;

  public BookingCode {
    Check.present("code", value);
    if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      throw new InvalidInput("code", "must be " + LENGTH + " characters of " + ALPHABET);
    }
  }

  /** A fresh random code; the use cases pass the core's {@code SecureRandom}. */
  public static BookingCode generate(Random random) {
    Objects.requireNonNull(random, "random");
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new BookingCode(code.toString());
  }

  /**
   * The code that writes {@code number} in base 25 with the alphabet's characters (the first one as
   * zero): distinct numbers give distinct codes. For tools and tests that need many codes known to
   * differ without drawing them.
   *
   * @param number 0 to 25^7 - 1
   */
  public static BookingCode numbered(long number) {
    long limit = (long) Math.pow(ALPHABET.length(), LENGTH);
    if (number < 0 || number >= limit) {
      throw new InvalidInput("code", "a code's number is 0 to " + (limit - 1));
    }
    char[] code = new char[LENGTH];
    long rest = number;
    for (int i = LENGTH - 1; i >= 0; i--) {
      code[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
      rest /= ALPHABET.length();
    }
    return new BookingCode(new String(code));
  }

  /**
   * Reads a code as a person types it: any case, with spaces or dashes anywhere ({@code "7kx-94ma"}
   * or {@code "7KX 94MA"}).
   *
   * @throws InvalidInput naming {@code code} if what remains is not a code
   */
  public static BookingCode parse(String text) {
    Check.present("code", text);
    return new BookingCode(normalised(text));
  }

  /** Whether the text, read as {@link #parse} reads it, is a code (for a search box that takes names too). */
  public static boolean looksLikeCode(String text) {
    if (text == null) {
      return false;
    }
    String candidate = normalised(text);
    return candidate.length() == LENGTH && candidate.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  private static String normalised(String text) {
    return text.replaceAll("[\\s\\-–]", "").toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
