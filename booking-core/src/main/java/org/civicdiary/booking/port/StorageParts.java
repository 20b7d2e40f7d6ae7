/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.util.Objects;

/** The ports as {@link Storage.Builder} collected them. */
record StorageParts(
    Directory directory,
    Diaries diaries,
    Reservations reservations,
    Outbox outbox,
    AuditLog auditLog,
    IdempotencyKeys idempotencyKeys,
    StaffAccounts staffAccounts,
    Challenges challenges,
    ApiKeys apiKeys,
    Transactions transactions,
    Webhooks webhooks,
    OfficialFeeds officialFeeds,
    WaitingList waitingList,
    BusyFeeds busyFeeds,
    CheckIns checkIns) implements Storage {
  StorageParts {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(diaries, "diaries");
    Objects.requireNonNull(reservations, "reservations");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(auditLog, "auditLog");
    Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
    Objects.requireNonNull(staffAccounts, "staffAccounts");
    Objects.requireNonNull(challenges, "challenges");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(officialFeeds, "officialFeeds");
    Objects.requireNonNull(waitingList, "waitingList");
    Objects.requireNonNull(busyFeeds, "busyFeeds");
    Objects.requireNonNull(checkIns, "checkIns");
  }
}
