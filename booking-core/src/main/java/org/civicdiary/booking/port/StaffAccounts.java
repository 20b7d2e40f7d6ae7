/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.SecondFactor;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffSession;

/**
 * Staff logins and their sessions, for the built-in authentication. Every method may throw {@link
 * org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface StaffAccounts {
  /** By user name, compared exactly. */
  Optional<StaffAccount> find(String username);

  /** Adds the account or replaces the one with the same user name. */
  void save(StaffAccount account);

  /** Ordered by user name. */
  List<StaffAccount> all();

  void add(StaffSession session);

  /** The open session with this token hash: {@link StaffSession#openAt} {@code now}. */
  Optional<StaffSession> session(String tokenHash, Instant now);

  /** The open sessions of one account, oldest first. */
  List<StaffSession> sessions(String username, Instant now);

  /** Records a use of the session: its last-seen time and its new idle limit; nothing for an unknown one. */
  void touch(String tokenHash, Instant lastSeenAt, Instant idleUntil);

  /** Ends a session (logout); nothing happens for an unknown one. */
  void endSession(String tokenHash);

  /**
   * Ends every session of an account but the one with {@code keepTokenHash} (null: all of them).
   *
   * @return how many were ended
   */
  int endSessions(String username, String keepTokenHash);

  /** @return how many sessions past their idle limit or lifetime (and sign-ins that waited too long for their second step) were removed */
  int removeExpiredSessions(Instant now);

  /** The account's second factor, active or still being enrolled. */
  Optional<SecondFactor> secondFactor(String username);

  /** Adds the second factor or replaces the account's one. */
  void saveSecondFactor(SecondFactor factor);

  /** Removes the account's second factor and its recovery codes; nothing happens without one. */
  void removeSecondFactor(String username);

  /**
   * Records that the code of this time step was accepted, unless this or a later step already was
   * (atomically, so that two requests with one code cannot both pass).
   *
   * @return whether it was recorded: false for a replayed code
   */
  boolean acceptStep(String username, long step);

  /** Replaces the account's recovery codes (hashes only) with these. */
  void replaceRecoveryCodes(String username, List<String> codeHashes);

  /**
   * Uses up one recovery code (atomically: each is good once).
   *
   * @return whether the account had it
   */
  boolean useRecoveryCode(String username, String codeHash);

  /** How many unused recovery codes the account has. */
  int recoveryCodesLeft(String username);

  /**
   * Remembers a sign-in whose password was right and which waits for the second factor, by the
   * hash of its token.
   */
  void addSecondStep(String tokenHash, String username, Instant expiresAt);

  /** The user name of a waiting sign-in that has not expired at {@code now}. */
  Optional<String> secondStep(String tokenHash, Instant now);

  /** Forgets a waiting sign-in; nothing happens for an unknown one. */
  void endSecondStep(String tokenHash);
}
