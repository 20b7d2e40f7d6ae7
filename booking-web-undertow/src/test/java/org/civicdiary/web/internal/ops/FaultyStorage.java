/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.port.ApiKeys;
import org.civicdiary.booking.port.AuditLog;
import org.civicdiary.booking.port.BusyFeeds;
import org.civicdiary.booking.port.Challenges;
import org.civicdiary.booking.port.CheckIns;
import org.civicdiary.booking.port.Diaries;
import org.civicdiary.booking.port.Directory;
import org.civicdiary.booking.port.IdempotencyKeys;
import org.civicdiary.booking.port.OfficialFeeds;
import org.civicdiary.booking.port.Outbox;
import org.civicdiary.booking.port.Reservations;
import org.civicdiary.booking.port.StaffAccounts;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.port.Transactions;
import org.civicdiary.booking.port.WaitingList;
import org.civicdiary.booking.port.Webhooks;

/** A storage that can be switched to fail (the database is down) or to hang (a slow query), for tests. */
final class FaultyStorage {
  private volatile boolean down;
  private volatile CountDownLatch hang;
  private final Storage storage;

  FaultyStorage(Storage real) {
    this.storage = Storage.builder().directory(wrap(Directory.class, real.directory()))
        .diaries(wrap(Diaries.class, real.diaries())).reservations(wrap(Reservations.class, real.reservations()))
        .outbox(wrap(Outbox.class, real.outbox())).auditLog(wrap(AuditLog.class, real.auditLog()))
        .idempotencyKeys(wrap(IdempotencyKeys.class, real.idempotencyKeys()))
        .staffAccounts(wrap(StaffAccounts.class, real.staffAccounts()))
        .challenges(wrap(Challenges.class, real.challenges())).apiKeys(wrap(ApiKeys.class, real.apiKeys()))
        .transactions(wrap(Transactions.class, real.transactions()))
        .webhooks(wrap(Webhooks.class, real.webhooks()))
        .officialFeeds(wrap(OfficialFeeds.class, real.officialFeeds()))
        .waitingList(wrap(WaitingList.class, real.waitingList()))
        .busyFeeds(wrap(BusyFeeds.class, real.busyFeeds()))
        .checkIns(wrap(CheckIns.class, real.checkIns())).build();
  }

  Storage storage() {
    return storage;
  }

  void down(boolean isDown) {
    this.down = isDown;
  }

  /** Every storage call waits until the returned latch is counted down. */
  CountDownLatch hang() {
    CountDownLatch latch = new CountDownLatch(1);
    hang = latch;
    return latch;
  }

  void release() {
    CountDownLatch latch = hang;
    hang = null;
    if (latch != null) {
      latch.countDown();
    }
  }

  private <T> T wrap(Class<T> port, T real) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.invoke(real, args);
      }
      if (down) {
        throw new StorageUnavailable("test: the database is down", null);
      }
      CountDownLatch latch = hang;
      if (latch != null && !latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released the storage");
      }
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
