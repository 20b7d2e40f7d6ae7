/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Duration;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * How officials' busy feeds are polled: the {@code civicdiary.busy-feeds.*} keys, read with {@link
 * #from(Settings)}.
 *
 * @param enabled whether this node polls at all (a deployment may leave it to some nodes)
 * @param threads how many feeds are fetched at once (waiting on slow calendar servers overlaps)
 * @param parseThreads how many fetched calendars are parsed at once: CPU work, kept below the
 *     cores so that a poll never takes every core from bookings
 * @param pollInterval how often every feed is polled
 * @param connectTimeout how long to wait for the calendar server's connection
 * @param requestTimeout how long one fetch may take, answer included
 * @param maxBytes a larger answer is refused ({@code TOO_LARGE})
 * @param maxEvents a document with more events is refused ({@code TOO_MANY_EVENTS})
 * @param keepLastGood how long the last good busy time keeps applying while polls fail
 * @param stopGrace how long stopping waits for the poll under way
 * @param catchUpSpread over how long a catch-up poll (more feeds due at once than {@code threads},
 *     as after a start or an outage) starts its feeds, so bookings never meet a burst of writes;
 *     zero starts them all at once
 */
public record BusyFeedConfig(
    boolean enabled,
    int threads,
    int parseThreads,
    Duration pollInterval,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxBytes,
    int maxEvents,
    Duration keepLastGood,
    Duration stopGrace,
    Duration catchUpSpread) {
  /**
   * The default catch-up spread (a quarter of the poll interval when that is shorter): a town
   * hall's catch-up poll within half a minute.
   */
  public static final Duration DEFAULT_CATCH_UP_SPREAD = Duration.ofSeconds(20);

  /** As the canonical constructor, with the default catch-up spread for the interval. */
  public BusyFeedConfig(boolean enabled, int threads, int parseThreads, Duration pollInterval, Duration connectTimeout,
      Duration requestTimeout, int maxBytes, int maxEvents, Duration keepLastGood, Duration stopGrace) {
    this(enabled, threads, parseThreads, pollInterval, connectTimeout, requestTimeout, maxBytes, maxEvents,
        keepLastGood, stopGrace, defaultSpread(pollInterval));
  }

  private static Duration defaultSpread(Duration pollInterval) {
    Duration quarter = pollInterval == null ? DEFAULT_CATCH_UP_SPREAD : pollInterval.dividedBy(4);
    return quarter.compareTo(DEFAULT_CATCH_UP_SPREAD) < 0 ? quarter : DEFAULT_CATCH_UP_SPREAD;
  }

  public BusyFeedConfig {
    if (threads < 1 || parseThreads < 1 || maxBytes < 1 || maxEvents < 1) {
      throw new InvalidSetting("civicdiary.busy-feeds.threads, civicdiary.busy-feeds.parse-threads,"
          + " civicdiary.busy-feeds.max-bytes and civicdiary.busy-feeds.max-events must be at least 1");
    }
    for (Duration d : new Duration[] {pollInterval, connectTimeout, requestTimeout, keepLastGood, stopGrace}) {
      Objects.requireNonNull(d, "a civicdiary.busy-feeds.* duration");
      if (d.isNegative() || d.isZero()) {
        throw new InvalidSetting("the civicdiary.busy-feeds.* durations must be longer than zero");
      }
    }
    Objects.requireNonNull(catchUpSpread, "catchUpSpread");
    if (catchUpSpread.isNegative() || catchUpSpread.compareTo(pollInterval) >= 0) {
      throw new InvalidSetting("civicdiary.busy-feeds.catch-up-spread must be zero or more and shorter than"
          + " civicdiary.busy-feeds.poll-interval (" + pollInterval + "): it was " + catchUpSpread);
    }
  }

  /** Reads and checks the keys; each has a default. */
  public static BusyFeedConfig from(Settings settings) {
    Duration interval = settings.duration("civicdiary.busy-feeds.poll-interval", Duration.ofMinutes(10));
    return new BusyFeedConfig(
        settings.flag("civicdiary.busy-feeds.enabled", true),
        settings.integer("civicdiary.busy-feeds.threads", 4, 1, 64),
        settings.integer("civicdiary.busy-feeds.parse-threads", 1, 1, 64),
        interval,
        settings.duration("civicdiary.busy-feeds.connect-timeout", Duration.ofSeconds(10)),
        settings.duration("civicdiary.busy-feeds.request-timeout", Duration.ofSeconds(30)),
        settings.integer("civicdiary.busy-feeds.max-bytes", 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
        settings.integer("civicdiary.busy-feeds.max-events", 5000, 1, 1_000_000),
        settings.duration("civicdiary.busy-feeds.keep-last-good", Duration.ofHours(24)),
        settings.duration("civicdiary.busy-feeds.stop-grace", Duration.ofSeconds(10)),
        settings.duration("civicdiary.busy-feeds.catch-up-spread", defaultSpread(interval)));
  }
}
