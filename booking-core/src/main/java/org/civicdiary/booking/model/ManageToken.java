/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.civicdiary.booking.error.TokenInvalid;

/**
 * The secret in the citizen's manage link: 256 random bits, URL-safe. Only its SHA-256 hash is
 * stored, so a leaked database does not open anyone's reservation.
 */
public final class ManageToken {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private final String value;

  private ManageToken(String value) {
    this.value = value;
  }

  public static ManageToken generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new ManageToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Accepts a token from a link; a token of the wrong shape is as invalid as an unknown one. */
  public static ManageToken parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      throw new TokenInvalid();
    }
    return new ManageToken(text);
  }

  public String value() {
    return value;
  }

  public String hash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManageToken t && MessageDigest.isEqual(
        value.getBytes(StandardCharsets.US_ASCII), t.value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "ManageToken[…]";
  }
}
