/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  /** @return how many sessions past their idle limit or lifetime were removed */
  int removeExpiredSessions(Instant now);
}
