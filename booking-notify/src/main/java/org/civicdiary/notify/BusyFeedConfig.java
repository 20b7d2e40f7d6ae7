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
    Duration stopGrace) {
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
  }

  /** Reads and checks the keys; each has a default. */
  public static BusyFeedConfig from(Settings settings) {
    return new BusyFeedConfig(
        settings.flag("civicdiary.busy-feeds.enabled", true),
        settings.integer("civicdiary.busy-feeds.threads", 4, 1, 64),
        settings.integer("civicdiary.busy-feeds.parse-threads", 1, 1, 64),
        settings.duration("civicdiary.busy-feeds.poll-interval", Duration.ofMinutes(10)),
        settings.duration("civicdiary.busy-feeds.connect-timeout", Duration.ofSeconds(10)),
        settings.duration("civicdiary.busy-feeds.request-timeout", Duration.ofSeconds(30)),
        settings.integer("civicdiary.busy-feeds.max-bytes", 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
        settings.integer("civicdiary.busy-feeds.max-events", 5000, 1, 1_000_000),
        settings.duration("civicdiary.busy-feeds.keep-last-good", Duration.ofHours(24)),
        settings.duration("civicdiary.busy-feeds.stop-grace", Duration.ofSeconds(10)));
  }
}
