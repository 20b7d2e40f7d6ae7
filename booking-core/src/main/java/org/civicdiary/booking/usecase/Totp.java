/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, six
 * digits, what every authenticator app computes from an {@code otpauth://} URI; and the base32 in
 * which apps take the secret (RFC 4648, no padding).
 */
final class Totp {
  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;
  /** A code of the step before or after is accepted too: phone clocks drift and people type slowly. */
  static final int WINDOW = 1;
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {
  }

  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of one time step (RFC 4226 section 5.3, dynamic truncation). */
  static String code(byte[] key, long step, int digits, String hmac) {
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(key, "RAW"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      long modulus = (long) Math.pow(10, digits);
      String code = Long.toString(binary % modulus);
      return "0".repeat(digits - code.length()) + code;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + hmac, e);
    }
  }

  /**
   * The step within the window around {@code now} whose code this is, and which is later than
   * {@code after} (the last accepted step: a code is good once); empty when none is. Every step
   * in the window is compared in constant time, so timing tells nothing.
   */
  static OptionalLong match(String secret, String code, Instant now, long after) {
    if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] typed = code.strip().getBytes(StandardCharsets.US_ASCII);
    byte[] key = decode(secret);
    long current = step(now);
    OptionalLong found = OptionalLong.empty();
    for (long s = current - WINDOW; s <= current + WINDOW; s++) {
      boolean equal = MessageDigest.isEqual(typed, code(key, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII));
      if (equal && s > after && found.isEmpty()) {
        found = OptionalLong.of(s);
      }
    }
    return found;
  }

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** Case and spaces do not matter (apps show the secret in groups); padding is ignored. */
  static byte[] decode(String base32) {
    String clean = base32.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
