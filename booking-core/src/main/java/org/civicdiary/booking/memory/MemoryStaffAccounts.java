/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffSession;
import org.civicdiary.booking.port.StaffAccounts;

final class MemoryStaffAccounts implements StaffAccounts {
  private final MemoryTransactions tx;
  private final Map<String, StaffAccount> accounts = new TreeMap<>();
  private final Map<String, StaffSession> sessions = new HashMap<>();

  MemoryStaffAccounts(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<StaffAccount> find(String username) {
    return tx.locked(() -> Optional.ofNullable(accounts.get(username)));
  }

  @Override
  public void save(StaffAccount account) {
    tx.locked(() -> tx.put(accounts, account.username(), account));
  }

  @Override
  public List<StaffAccount> all() {
    return tx.locked(() -> List.copyOf(accounts.values()));
  }

  @Override
  public void add(StaffSession session) {
    tx.locked(() -> tx.put(sessions, session.tokenHash(), session));
  }

  @Override
  public Optional<StaffSession> session(String tokenHash, Instant now) {
    return tx.locked(() -> Optional.ofNullable(sessions.get(tokenHash)).filter(s -> s.openAt(now)));
  }

  @Override
  public List<StaffSession> sessions(String username, Instant now) {
    return tx.locked(() -> sessions.values().stream()
        .filter(s -> s.username().equals(username) && s.openAt(now))
        .sorted(Comparator.comparing(StaffSession::createdAt).thenComparing(StaffSession::id))
        .toList());
  }

  @Override
  public void touch(String tokenHash, Instant lastSeenAt, Instant idleUntil) {
    tx.locked(() -> {
      StaffSession s = sessions.get(tokenHash);
      if (s != null) {
        tx.put(sessions, tokenHash, new StaffSession(s.id(), s.tokenHash(), s.username(), s.createdAt(), lastSeenAt,
            idleUntil, s.expiresAt(), s.client(), s.userAgent()));
      }
    });
  }

  @Override
  public int endSessions(String username, String keepTokenHash) {
    return tx.locked(() -> {
      List<String> ended = sessions.values().stream()
          .filter(s -> s.username().equals(username) && !s.tokenHash().equals(keepTokenHash))
          .map(StaffSession::tokenHash).toList();
      ended.forEach(hash -> tx.remove(sessions, hash));
      return ended.size();
    });
  }

  @Override
  public void endSession(String tokenHash) {
    tx.locked(() -> {
      tx.remove(sessions, tokenHash);
    });
  }

  @Override
  public int removeExpiredSessions(Instant now) {
    return tx.locked(() -> {
      List<String> expired = sessions.values().stream()
          .filter(s -> !s.openAt(now)).map(StaffSession::tokenHash).toList();
      expired.forEach(hash -> tx.remove(sessions, hash));
      return expired.size();
    });
  }
}
