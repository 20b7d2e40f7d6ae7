/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that work a queue in batches: each runs the work again at once while it
 * claims full batches, and otherwise waits for the poll interval, a nudge or a stop. Shared by the
 * e-mail outbox and the webhook deliveries, which differ only in what one batch does.
 */
final class PollingThreads {
  private static final Logger LOG = LoggerFactory.getLogger(PollingThreads.class);

  /** One batch: claims and handles it, handing back the rest when {@code stopping} turns true. */
  @FunctionalInterface
  interface Batch {
    int run(BooleanSupplier stopping);
  }

  private final String name;
  private final int count;
  private final Duration pollInterval;
  private final Duration stopGrace;
  private final int batchSize;
  private final Batch batch;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean nudged;
  private final List<Worker> workers = new ArrayList<>();

  PollingThreads(String name, int count, Duration pollInterval, Duration stopGrace, int batchSize, Batch batch) {
    this.name = name;
    this.count = count;
    this.pollInterval = pollInterval;
    this.stopGrace = stopGrace;
    this.batchSize = batchSize;
    this.batch = batch;
  }

  /** Starts the threads; false if they run already. */
  synchronized boolean start() {
    if (!workers.isEmpty()) {
      return false;
    }
    for (int i = 1; i <= count; i++) {
      Worker worker = new Worker(name + "-" + i);
      workers.add(worker);
      worker.thread.start();
    }
    return true;
  }

  /**
   * Stops the threads, letting each finish its item for at most the grace, then interrupting it;
   * false if none ran.
   */
  synchronized boolean stop() {
    if (workers.isEmpty()) {
      return false;
    }
    workers.forEach(w -> w.stopping = true);
    nudge();
    try {
      long deadline = System.nanoTime() + stopGrace.toNanos();
      for (Worker worker : workers) {
        worker.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
      for (Worker worker : workers) {
        if (worker.thread.isAlive()) {
          // Abandons the item being sent; its lease brings it back, with the same id.
          LOG.warn("{} did not finish within {}; interrupting it", worker.thread.getName(), stopGrace);
          worker.thread.interrupt();
          worker.thread.join(stopGrace.toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      workers.clear();
    }
    return true;
  }

  void nudge() {
    lock.lock();
    try {
      nudged = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * A background thread; each start makes new ones with their own stop flags. Threads claim their
   * own batches, so they never hold the same item.
   */
  private final class Worker implements Runnable {
    private final Thread thread;
    private volatile boolean stopping;

    Worker(String threadName) {
      thread = new Thread(this, threadName);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (!stopping) {
        int claimed;
        try {
          claimed = batch.run(() -> stopping);
        } catch (RuntimeException e) {
          LOG.warn("{} could not claim work: {}", name, SafeText.describe(e));
          claimed = 0;
        }
        if (claimed < batchSize && !idle()) {
          return;
        }
      }
    }

    /** Waits for the poll interval, a nudge or a stop, whichever comes first; false if interrupted. */
    private boolean idle() {
      lock.lock();
      try {
        long nanos = pollInterval.toNanos();
        while (!nudged && !stopping && nanos > 0) {
          nanos = wake.awaitNanos(nanos);
        }
        nudged = false;
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        lock.unlock();
      }
    }
  }
}
