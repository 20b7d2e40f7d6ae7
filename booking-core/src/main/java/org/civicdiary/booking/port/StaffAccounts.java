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

  /** The unexpired session with this token hash. */
  Optional<StaffSession> session(String tokenHash, Instant now);

  /** Ends a session (logout); nothing happens for an unknown one. */
  void endSession(String tokenHash);

  /** @return how many expired sessions were removed */
  int removeExpiredSessions(Instant now);
}
