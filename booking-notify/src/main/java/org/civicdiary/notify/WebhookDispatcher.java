/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

/**
 * Works the webhook deliveries in the background: claims due ones, signs them (Standard Webhooks)
 * and posts them to the endpoints; a failure is retried later with growing waits, and after the
 * configured number of attempts or age the delivery is given up and shows in the endpoint's log
 * for an administrator to retry. Deliveries of one reservation reach an endpoint in order. Several
 * dispatchers (one per node) may work the same storage.
 */
public interface WebhookDispatcher extends AutoCloseable {
  /** Starts the background threads; does nothing if they run already. */
  void start();

  /**
   * Stops the background threads: the deliveries being sent are finished (for at most the configured
   * grace); deliveries claimed but not begun are handed back, due at once.
   */
  void stop();

  /**
   * Claims, sends and records one batch, the calling thread waiting for its requests (for hosts
   * that schedule work themselves, and for tests).
   *
   * @return how many deliveries were claimed
   */
  int dispatchOnce();

  /** Same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
