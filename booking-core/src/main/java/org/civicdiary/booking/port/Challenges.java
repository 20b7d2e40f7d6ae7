/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;

/**
 * What the proof-of-work check shares between nodes: the key that signs challenges and the
 * challenges already spent, each kept until it expires (after that the signature check refuses it
 * anyway).
 */
public interface Challenges {
  /**
   * Records a challenge as spent, atomically and visible to every node at once.
   *
   * @return true if it was not spent before; false if it was (the second use of a solution)
   */
  boolean spend(String challenge, Instant expiresAt);

  /** @return how many spent challenges that expired before {@code now} were removed */
  int removeExpired(Instant now);

  /**
   * The signing key every node uses: the stored one, or {@code candidate} if none is stored yet (then
   * stored, so that the first node to start decides it for all).
   */
  String signingKey(String candidate);
}
