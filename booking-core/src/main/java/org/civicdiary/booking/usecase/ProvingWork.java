/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.civicdiary.booking.error.ChallengeRefused;

/**
 * Proof of work on public writes, following the ALTCHA protocol: the server hands out an
 * HMAC-signed SHA-256 challenge; the client finds the number and sends it back; the server checks
 * it with no state but the key, then spends the challenge so that one solution buys one write,
 * on every node (see {@link org.civicdiary.booking.port.Challenges}).
 *
 * <p>Reached through {@link CivicDiary#provingWork}. Thread-safe.
 */
public final class ProvingWork {
  public static final String ALGORITHM = "SHA-256";
  /** The largest difficulty handed out: more would keep a phone busy for minutes. */
  public static final long MAX_NUMBER = 100_000_000L;
  private static final int SALT_BYTES = 12;
  private static final int MAX_SALT = 100;
  private static final int HEX_SHA256 = 64;
  private final Context context;
  private final String key;
  private final Duration ttl;

  ProvingWork(Context context, String key, Duration ttl) {
    this.context = context;
    this.key = key;
    this.ttl = ttl;
  }

  /** How long a challenge may be solved and used. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * A new challenge whose number is random from 0 to {@code maxNumber}: on average a client hashes
   * half of that.
   *
   * @throws IllegalArgumentException unless maxNumber is from 1 to {@link #MAX_NUMBER}
   */
  public Challenge challenge(long maxNumber) {
    if (maxNumber < 1 || maxNumber > MAX_NUMBER) {
      throw new IllegalArgumentException("maxNumber must be from 1 to " + MAX_NUMBER + ": " + maxNumber);
    }
    byte[] random = new byte[SALT_BYTES];
    context.random.nextBytes(random);
    long expires = context.now().plus(ttl).getEpochSecond();
    // The trailing & keeps a client from moving digits between the salt's parameters and the number.
    String salt = HexFormat.of().formatHex(random) + "?expires=" + expires + "&";
    long number = context.random.nextLong(maxNumber + 1);
    String challenge = Digests.sha256(salt + number);
    return new Challenge(ALGORITHM, challenge, maxNumber, salt, Digests.hmacSha256(key, challenge));
  }

  /**
   * Checks a solution and spends its challenge.
   *
   * @throws ChallengeRefused.Missing if there is none
   * @throws ChallengeRefused.Invalid if it is malformed, for another algorithm, not signed by this
   *     deployment or the number is wrong
   * @throws ChallengeRefused.Expired if its time ran out
   * @throws ChallengeRefused.Reused if it was spent before
   */
  public void verify(Solution solution) {
    if (solution == null) {
      throw new ChallengeRefused.Missing();
    }
    if (!ALGORITHM.equals(solution.algorithm())) {
      throw new ChallengeRefused.Invalid("algorithm must be " + ALGORITHM);
    }
    if (!wellFormed(solution)) {
      throw new ChallengeRefused.Invalid("malformed");
    }
    // Both comparisons run whatever the first says, and take the same time wherever they differ.
    boolean solved = Digests.same(Digests.sha256(solution.salt() + solution.number()), solution.challenge());
    boolean signed = Digests.same(Digests.hmacSha256(key, solution.challenge()), solution.signature());
    if (!(solved & signed)) {
      throw new ChallengeRefused.Invalid("wrong number or signature");
    }
    Instant expires = expiry(solution.salt());
    if (expires == null) {
      throw new ChallengeRefused.Invalid("salt has no expiry");
    }
    if (!context.now().isBefore(expires)) {
      throw new ChallengeRefused.Expired();
    }
    if (!context.storage.transactions().inTransaction(
        () -> context.storage.challenges().spend(solution.challenge(), expires))) {
      throw new ChallengeRefused.Reused();
    }
  }

  private static boolean wellFormed(Solution s) {
    return s.number() >= 0 && s.number() <= MAX_NUMBER
        && s.challenge() != null && s.challenge().length() == HEX_SHA256
        && s.signature() != null && s.signature().length() == HEX_SHA256
        && s.salt() != null && !s.salt().isEmpty() && s.salt().length() <= MAX_SALT;
  }

  /** The {@code expires} parameter of the salt ({@code <random>?expires=<epoch seconds>&}), or null. */
  static Instant expiry(String salt) {
    int query = salt.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String param : salt.substring(query + 1).split("&")) {
      if (param.startsWith("expires=")) {
        try {
          return Instant.ofEpochSecond(Long.parseLong(param.substring("expires=".length())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
          return null;
        }
      }
    }
    return null;
  }
}
