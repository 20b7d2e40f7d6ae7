/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import org.civicdiary.booking.port.Storage;

/**
 * Storage in the JVM's memory: thread-safe, with real units of work (a failed one leaves nothing
 * behind) and the no-double-booking guard of the database adapters. For the core's tests, for
 * portals' own tests, and for trying civic-diary out; nothing survives a restart.
 */
public final class InMemoryStorage {
  private InMemoryStorage() {}

  public static Storage create() {
    MemoryTransactions tx = new MemoryTransactions();
    MemoryDirectory directory = new MemoryDirectory(tx);
    return new Storage(directory, new MemoryDiaries(tx, directory), new MemoryReservations(tx),
        new MemoryOutbox(tx), new MemoryAuditLog(tx), new MemoryIdempotencyKeys(tx), new MemoryStaffAccounts(tx), tx);
  }
}
