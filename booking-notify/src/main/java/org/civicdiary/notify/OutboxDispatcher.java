/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

/**
 * Works the outbox in the background: claims due messages, renders them, hands them to the
 * channels and marks them sent; a failure is retried later with growing waits, and after the
 * configured number of attempts the message is parked on the operators' worklist. Several
 * dispatchers (one per server node) may work the same outbox; the store hands each message to one
 * of them at a time.
 */
public interface OutboxDispatcher extends AutoCloseable {
  /** Starts the background threads; does nothing if they run already. */
  void start();

  /**
   * Stops the background threads: the message being sent is finished (for at most the configured
   * grace); messages claimed but not begun are handed back, due at once. A message abandoned
   * mid-send comes back when its lease ends and is sent again with the same Message-ID. The
   * channels' connections are closed (they open again when used).
   */
  void stop();

  /** Wakes the background threads to look for due messages now (say, right after a booking). */
  void nudge();

  /**
   * Claims and handles one batch on the calling thread (for hosts that schedule work themselves,
   * and for tests).
   *
   * @return how many messages were claimed
   */
  int dispatchOnce();

  /** Same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
