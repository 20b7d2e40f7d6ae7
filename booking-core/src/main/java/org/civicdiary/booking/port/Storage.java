/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

/**
 * The storage ports one adapter provides together, sharing its units of work. An interface rather
 * than a record, so that a port added later does not break an adapter's or a test's constructor
 * call: adapters assemble theirs with {@link #builder()}.
 */
public interface Storage {
  Directory directory();

  Diaries diaries();

  Reservations reservations();

  Outbox outbox();

  AuditLog auditLog();

  IdempotencyKeys idempotencyKeys();

  StaffAccounts staffAccounts();

  Challenges challenges();

  ApiKeys apiKeys();

  Transactions transactions();

  Webhooks webhooks();

  OfficialFeeds officialFeeds();

  WaitingList waitingList();

  BusyFeeds busyFeeds();

  CheckIns checkIns();

  /** An empty builder: every port must be set before {@link Builder#build()}. */
  static Builder builder() {
    return new Builder();
  }

  /** A builder holding this storage's ports, to replace one or two (a test's own outbox, say). */
  default Builder toBuilder() {
    return new Builder().directory(directory()).diaries(diaries()).reservations(reservations()).outbox(outbox())
        .auditLog(auditLog()).idempotencyKeys(idempotencyKeys()).staffAccounts(staffAccounts())
        .challenges(challenges()).apiKeys(apiKeys()).transactions(transactions()).webhooks(webhooks())
        .officialFeeds(officialFeeds())
        .waitingList(waitingList()).busyFeeds(busyFeeds())
        .checkIns(checkIns());
  }

  /** Collects the ports; {@link #build()} refuses a missing one by name. */
  final class Builder {
    private Directory directory;
    private Diaries diaries;
    private Reservations reservations;
    private Outbox outbox;
    private AuditLog auditLog;
    private IdempotencyKeys idempotencyKeys;
    private StaffAccounts staffAccounts;
    private Challenges challenges;
    private ApiKeys apiKeys;
    private Transactions transactions;
    private Webhooks webhooks;
    private OfficialFeeds officialFeeds;
    private WaitingList waitingList;
    private BusyFeeds busyFeeds;
    private CheckIns checkIns;

    private Builder() {}

    public Builder directory(Directory value) {
      this.directory = value;
      return this;
    }

    public Builder diaries(Diaries value) {
      this.diaries = value;
      return this;
    }

    public Builder reservations(Reservations value) {
      this.reservations = value;
      return this;
    }

    public Builder outbox(Outbox value) {
      this.outbox = value;
      return this;
    }

    public Builder auditLog(AuditLog value) {
      this.auditLog = value;
      return this;
    }

    public Builder idempotencyKeys(IdempotencyKeys value) {
      this.idempotencyKeys = value;
      return this;
    }

    public Builder staffAccounts(StaffAccounts value) {
      this.staffAccounts = value;
      return this;
    }

    public Builder challenges(Challenges value) {
      this.challenges = value;
      return this;
    }

    public Builder apiKeys(ApiKeys value) {
      this.apiKeys = value;
      return this;
    }

    public Builder transactions(Transactions value) {
      this.transactions = value;
      return this;
    }

    public Builder webhooks(Webhooks value) {
      this.webhooks = value;
      return this;
    }

    public Builder officialFeeds(OfficialFeeds value) {
      this.officialFeeds = value;
      return this;
    }

    public Builder waitingList(WaitingList value) {
      this.waitingList = value;
      return this;
    }

    public Builder busyFeeds(BusyFeeds value) {
      this.busyFeeds = value;
      return this;
    }

    public Builder checkIns(CheckIns value) {
      this.checkIns = value;
      return this;
    }

    public Storage build() {
      return new StorageParts(directory, diaries, reservations, outbox, auditLog, idempotencyKeys, staffAccounts,
          challenges, apiKeys, transactions, webhooks, officialFeeds, waitingList, busyFeeds, checkIns);
    }
  }
}
