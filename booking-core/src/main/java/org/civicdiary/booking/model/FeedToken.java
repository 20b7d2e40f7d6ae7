/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The secret in an official's calendar feed URL: 256 random bits, URL-safe, of the same shape as a
 * manage token. Only its SHA-256 hash is stored; the plain token is shown once, when the feed is made.
 */
public final class FeedToken {
  private final ManageToken secret;

  private FeedToken(ManageToken secret) {
    this.secret = secret;
  }

  public static FeedToken generate(SecureRandom random) {
    return new FeedToken(ManageToken.generate(random));
  }

  /**
   * Accepts a token from a feed URL.
   *
   * @throws org.civicdiary.booking.error.TokenInvalid for a token of the wrong shape, as for an unknown one
   */
  public static FeedToken parse(String text) {
    return new FeedToken(ManageToken.parse(text));
  }

  public String value() {
    return secret.value();
  }

  public String hash() {
    return secret.hash();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeedToken t && secret.equals(t.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "FeedToken[…]";
  }
}
