/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
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
    return tx.locked(() -> Optional.ofNullable(sessions.get(tokenHash)).filter(s -> s.expiresAt().isAfter(now)));
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
          .filter(s -> !s.expiresAt().isAfter(now)).map(StaffSession::tokenHash).toList();
      expired.forEach(hash -> tx.remove(sessions, hash));
      return expired.size();
    });
  }
}
