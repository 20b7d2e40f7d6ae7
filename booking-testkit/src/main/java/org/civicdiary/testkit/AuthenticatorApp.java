/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a staff member's phone does with the secret it was given at enrolment: the six-digit code of
 * a moment (RFC 6238, HMAC-SHA1, 30-second steps). Written apart from the library's own, so that a
 * test compares the two.
 */
public final class AuthenticatorApp {
  private final byte[] key;

  /** @param base32Secret the secret as enrolment answers it (case and spaces ignored) */
  public AuthenticatorApp(String base32Secret) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    String clean = base32Secret.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    ByteBuffer bytes = ByteBuffer.allocate(clean.length() * 5 / 8);
    long buffer = 0;
    int bits = 0;
    for (int i = 0; i < clean.length(); i++) {
      buffer = (buffer << 5) | alphabet.indexOf(clean.charAt(i));
      bits += 5;
      if (bits >= 8) {
        bytes.put((byte) (buffer >>> (bits - 8)));
        bits -= 8;
      }
    }
    this.key = bytes.array();
  }

  /** The code the app shows at this moment. */
  public String codeAt(Instant moment) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "RAW"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(moment.getEpochSecond() / 30).array());
      int o = h[19] & 0xf;
      int number = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff)) % 1_000_000;
      return String.format(Locale.ROOT, "%06d", number);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
