/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.civicdiary.booking.error.InvalidInput;

/**
 * Staff passwords as PBKDF2-HMAC-SHA256 hashes (JDK only) with a per-user random salt, encoded with
 * their parameters ({@code pbkdf2-sha256$iterations$salt$hash}, Base64) so that raising the
 * iteration count later leaves old hashes verifiable.
 */
public final class Passwords {
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int ITERATIONS = 210_000;
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;
  private static final String SCHEME = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();
  // Checked against when the user name is unknown, so that a wrong name costs as much time as a wrong password.
  private static final String DUMMY = hash("not a real password, only spends time");

  private Passwords() {}

  /**
   * Hashes a new password.
   *
   * @throws InvalidInput (field {@code password}) if it is shorter than {@value #MIN_LENGTH} or
   *     longer than {@value #MAX_LENGTH} characters
   */
  public static String hash(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new InvalidInput("password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether the password matches the encoded hash; false for any hash it cannot read. */
  public static boolean verify(String password, String encoded) {
    if (password == null || password.length() > MAX_LENGTH) {
      return false;
    }
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      derive(password, new byte[SALT_BYTES], ITERATIONS);
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      if (iterations < 1 || iterations > 10_000_000) {
        return false;
      }
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] expected = b64.decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, b64.decode(parts[2]), iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Spends the time of one verification; call it when the user name is unknown. */
  public static void spendVerificationTime(String password) {
    verify(password == null ? "" : password, DUMMY);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("every JDK 17 has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
