/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.civicdiary.booking.error.InvalidInput;

/**
 * The key an endpoint's deliveries are signed with (HMAC-SHA256), in the Standard Webhooks form
 * {@code whsec_<base64>}. Unlike tokens it cannot be stored as a hash, since signing needs the key
 * itself; {@link #toString()} never shows it, so it stays out of logs and audit entries.
 */
public final class WebhookSecret {
  /** 256 bits, within the 24 to 64 bytes the specification asks for. */
  public static final int BYTES = 32;
  private static final String PREFIX = "whsec_";
  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key.clone();
  }

  public static WebhookSecret generate(SecureRandom random) {
    byte[] key = new byte[BYTES];
    random.nextBytes(key);
    return new WebhookSecret(key);
  }

  /**
   * Reads the {@code whsec_<base64>} form (the prefix may be left out, as the specification allows).
   *
   * @throws InvalidInput (field {@code secret}) if it is not base64 of 24 to 64 bytes
   */
  public static WebhookSecret parse(String text) {
    Check.present("secret", text);
    String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("secret", "must be whsec_ followed by base64");
    }
    if (key.length < 24 || key.length > 64) {
      throw new InvalidInput("secret", "must hold 24 to 64 bytes");
    }
    return new WebhookSecret(key);
  }

  /** The HMAC key. */
  public byte[] key() {
    return key.clone();
  }

  /** The {@code whsec_<base64>} form: shown to the administrator once, and kept by the storage. */
  public String text() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSecret that && MessageDigest.isEqual(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "whsec_(hidden)";
  }
}
