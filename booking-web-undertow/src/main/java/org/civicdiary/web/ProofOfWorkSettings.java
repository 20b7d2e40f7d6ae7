/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.time.Duration;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.ProvingWork;

/**
 * The proof of work on public writes ({@code civicdiary.pow.*}), part of {@link WebSettings}.
 *
 * @param maxNumber the difficulty: a client hashes half of it on average; 0 turns the check off
 * @param hmacKey the key that signs challenges, or null to keep a generated one in the database
 * @param ttl how long a challenge may be solved and used
 * @param burst more challenges than this from one address raise its difficulty tenfold, for each
 *     further such amount up to {@link #MAX_STEPS} times
 */
public record ProofOfWorkSettings(long maxNumber, String hmacKey, Duration ttl, RateLimit burst) {
  public static final String MAX_NUMBER = "civicdiary.pow.max-number";
  public static final String HMAC_KEY = "civicdiary.pow.hmac-key";
  public static final String TTL = "civicdiary.pow.ttl";
  public static final String BURST = "civicdiary.pow.burst";
  /** Measured to take a median of under a second on a low-end phone (BENCHMARKS.md). */
  public static final long DEFAULT_MAX_NUMBER = 100_000;
  public static final int MAX_STEPS = 3;
  private static final int MIN_KEY_LENGTH = 32;

  public ProofOfWorkSettings {
    if (maxNumber < 0 || maxNumber > ProvingWork.MAX_NUMBER) {
      throw new InvalidSetting(MAX_NUMBER + " must be from 0 (off) to " + ProvingWork.MAX_NUMBER + ": " + maxNumber);
    }
    if (hmacKey != null && hmacKey.length() < MIN_KEY_LENGTH) {
      // The key itself never goes into a message or a log.
      throw new InvalidSetting(HMAC_KEY + " must have at least " + MIN_KEY_LENGTH + " characters (it has "
          + hmacKey.length() + "), or be left out to keep a generated key in the database");
    }
    if (ttl == null || ttl.compareTo(Duration.ofSeconds(30)) < 0 || ttl.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidSetting(TTL + " must be from PT30S to P1D: " + ttl);
    }
  }

  static ProofOfWorkSettings from(Settings s) {
    String max = s.string(MAX_NUMBER, Long.toString(DEFAULT_MAX_NUMBER));
    long maxNumber;
    try {
      maxNumber = Long.parseLong(max.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new InvalidSetting(MAX_NUMBER + " must be a whole number: " + max);
    }
    return new ProofOfWorkSettings(maxNumber, s.string(HMAC_KEY, null), s.duration(TTL, Duration.ofMinutes(10)),
        RateLimit.parse(BURST, s.string(BURST, "20/PT1M")));
  }

  /** Whether public writes need a solved challenge. */
  public boolean on() {
    return maxNumber > 0;
  }

  @Override
  public String toString() {
    return "ProofOfWorkSettings[maxNumber=" + maxNumber + ", hmacKey=" + (hmacKey == null ? "generated" : "set")
        + ", ttl=" + ttl + ", burst=" + burst + "]";
  }
}
