/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

/**
 * Polls officials' busy feeds in the background: every feed once per poll interval, each at its
 * own time within the interval (so the feeds are spread over it), with {@code
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

  /**
   * Polls, on the calling thread, the feeds that are due now: each feed once per poll interval at
   * its own place in it, a feed never polled at once, a failing one after a growing wait. When more
   * feeds are due than fetch threads (a catch-up), their starts are spread over {@code
   * civicdiary.busy-feeds.catch-up-spread}, so the call takes that long. This is what the
   * background thread runs every few seconds; for hosts that schedule work themselves.
   *
   * @return how many feeds were polled
   */
  int pollDue();

  /** Same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
