/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.civicdiary.booking.model.SecondFactor;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffSession;
import org.civicdiary.booking.port.StaffAccounts;

final class MemoryStaffAccounts implements StaffAccounts {
  private final MemoryTransactions tx;
  private final Map<String, StaffAccount> accounts = new TreeMap<>();
  private final Map<String, StaffSession> sessions = new HashMap<>();
  private final Map<String, SecondFactor> secondFactors = new HashMap<>();
  // username, then the set of code hashes (replaced whole, never changed in place, so undo works)
  private final Map<String, Set<String>> recoveryCodes = new HashMap<>();
  private final Map<String, SecondStep> secondSteps = new HashMap<>();

  private record SecondStep(String username, Instant expiresAt) {
  }

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
      secondSteps.entrySet().stream().filter(e -> !now.isBefore(e.getValue().expiresAt())).map(Map.Entry::getKey)
          .toList().forEach(hash -> tx.remove(secondSteps, hash));
      return expired.size();
    });
  }

  @Override
  public Optional<SecondFactor> secondFactor(String username) {
    return tx.locked(() -> Optional.ofNullable(secondFactors.get(username)));
  }

  @Override
  public void saveSecondFactor(SecondFactor factor) {
    tx.locked(() -> tx.put(secondFactors, factor.username(), factor));
  }

  @Override
  public void removeSecondFactor(String username) {
    tx.locked(() -> {
      tx.remove(secondFactors, username);
      tx.remove(recoveryCodes, username);
    });
  }

  @Override
  public boolean acceptStep(String username, long step) {
    return tx.locked(() -> {
      SecondFactor f = secondFactors.get(username);
      if (f == null || f.lastStep() >= step) {
        return false;
      }
      tx.put(secondFactors, username, new SecondFactor(f.username(), f.secret(), f.active(), step, f.since()));
      return true;
    });
  }

  @Override
  public void replaceRecoveryCodes(String username, List<String> codeHashes) {
    tx.locked(() -> tx.put(recoveryCodes, username, Set.copyOf(codeHashes)));
  }

  @Override
  public boolean useRecoveryCode(String username, String codeHash) {
    return tx.locked(() -> {
      Set<String> codes = recoveryCodes.getOrDefault(username, Set.of());
      if (!codes.contains(codeHash)) {
        return false;
      }
      Set<String> left = new HashSet<>(codes);
      left.remove(codeHash);
      tx.put(recoveryCodes, username, Set.copyOf(left));
      return true;
    });
  }

  @Override
  public int recoveryCodesLeft(String username) {
    return tx.locked(() -> recoveryCodes.getOrDefault(username, Set.of()).size());
  }

  @Override
  public void addSecondStep(String tokenHash, String username, Instant expiresAt) {
    tx.locked(() -> tx.put(secondSteps, tokenHash, new SecondStep(username, expiresAt)));
  }

  @Override
  public Optional<String> secondStep(String tokenHash, Instant now) {
    return tx.locked(() -> Optional.ofNullable(secondSteps.get(tokenHash))
        .filter(s -> now.isBefore(s.expiresAt())).map(SecondStep::username));
  }

  @Override
  public void endSecondStep(String tokenHash) {
    tx.locked(() -> {
      tx.remove(secondSteps, tokenHash);
    });
  }
}
