/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.port.AuditLog;

final class MemoryAuditLog implements AuditLog {
  private final MemoryTransactions tx;
  private final List<AuditEntry> entries = new ArrayList<>();

  MemoryAuditLog(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public void record(AuditEntry entry) {
    tx.locked(() -> {
      entries.add(entry);
      tx.onRollback(() -> entries.remove(entries.size() - 1));
    });
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return tx.locked(() -> {
      List<AuditEntry> result = new ArrayList<>();
      for (int i = entries.size() - 1; i >= 0 && result.size() < limit; i--) {
        result.add(entries.get(i));
      }
      return result;
    });
  }

  @Override
  public int removeBefore(Instant cutoff) {
    return tx.locked(() -> {
      List<AuditEntry> before = List.copyOf(entries);
      entries.removeIf(e -> e.at().isBefore(cutoff));
      int removed = before.size() - entries.size();
      if (removed > 0) {
        tx.onRollback(() -> {
          entries.clear();
          entries.addAll(before);
        });
      }
      return removed;
    });
  }
}
