/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

/**
 * Polls officials' busy feeds in the background: every feed once per poll interval, with {@code
 * If-None-Match}/{@code If-Modified-Since}, each result applied through {@link
 * org.civicdiary.booking.usecase.KeepingBusyFeeds#apply}. Several pollers (one per node) may
 * work the same storage: a poll is applied whole, so the last one wins and both agree.
 */
public interface BusyFeedPoller extends AutoCloseable {
  /** Starts the background thread; does nothing if it runs already. */
  void start();

  /** Stops the background thread, finishing the poll under way for at most the configured grace. */
  void stop();

  /**
   * Polls every feed once on the calling thread (with the configured number of helpers), for
   * hosts that schedule work themselves, and for tests.
   *
   * @return how many feeds were polled
   */
  int pollOnce();

  /** Same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
