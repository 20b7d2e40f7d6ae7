/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.civicdiary.booking.port.Transactions;

/**
 * Serializable units of work over plain maps: one lock, and an undo log that a failed unit of work
 * replays backwards. Every port method of the in-memory storage runs under the same lock, so the
 * maps never need to be concurrent themselves.
 */
final class MemoryTransactions implements Transactions {
  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<Deque<Runnable>> undo = new ThreadLocal<>();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (undo.get() != null) {
      return work.get();
    }
    lock.lock();
    Deque<Runnable> log = new ArrayDeque<>();
    undo.set(log);
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      while (!log.isEmpty()) {
        log.pop().run();
      }
      throw e;
    } finally {
      undo.remove();
      lock.unlock();
    }
  }

  /** Runs a port method atomically, joining the caller's unit of work if there is one. */
  <T> T locked(Supplier<T> work) {
    return inTransaction(work);
  }

  void locked(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /** Puts and remembers how to undo it. Call under the lock. */
  <K, V> void put(Map<K, V> map, K key, V value) {
    boolean had = map.containsKey(key);
    V previous = map.put(key, value);
    onRollback(() -> {
      if (had) {
        map.put(key, previous);
      } else {
        map.remove(key);
      }
    });
  }

  /** Removes and remembers how to undo it. Call under the lock. */
  <K, V> V remove(Map<K, V> map, K key) {
    boolean had = map.containsKey(key);
    V previous = map.remove(key);
    if (had) {
      onRollback(() -> map.put(key, previous));
    }
    return previous;
  }

  void onRollback(Runnable action) {
    Deque<Runnable> log = undo.get();
    if (log == null) {
      throw new IllegalStateException("in-memory storage written outside a unit of work");
    }
    log.push(action);
  }
}
