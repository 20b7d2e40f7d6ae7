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
    MemoryReservations reservations = new MemoryReservations(tx);
    return Storage.builder().directory(directory).diaries(new MemoryDiaries(tx, directory))
        .reservations(reservations).outbox(new MemoryOutbox(tx)).auditLog(new MemoryAuditLog(tx))
        .idempotencyKeys(new MemoryIdempotencyKeys(tx)).staffAccounts(new MemoryStaffAccounts(tx))
        .challenges(new MemoryChallenges(tx)).apiKeys(new MemoryApiKeys(tx)).transactions(tx)
        .webhooks(new MemoryWebhooks(tx))
        .officialFeeds(new MemoryOfficialFeeds(tx, directory))
        .waitingList(new MemoryWaitingList(tx)).busyFeeds(new MemoryBusyFeeds(tx, directory))
        .checkIns(new MemoryCheckIns(tx, reservations)).build();
  }
}
