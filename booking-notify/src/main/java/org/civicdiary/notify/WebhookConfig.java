/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Duration;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.HousekeepingPeriods;

/**
 * How webhook deliveries are worked: the {@code civicdiary.webhooks.*} keys (see CONFIGURATION.md)
 * and {@value #KEEP_LOG}, read with {@link #from(Settings)}.
 *
 * @param parallelRequests how many requests one background thread has in flight to one endpoint at once
 * @param maxAttempts after this many failed attempts a delivery is given up
 * @param maxAge a delivery whose event is older than this is given up after its next failure
 * @param connectTimeout how long to wait for the receiver's connection
 * @param requestTimeout how long the whole request may take, answer included
 * @param keepLog how long delivered and given-up deliveries stay in the log
 */
public record WebhookConfig(
    int threads,
    int batchSize,
    int parallelRequests,
    Duration pollInterval,
    Duration lease,
    int maxAttempts,
    Duration maxAge,
    Duration retryInitial,
    Duration retryMax,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration stopGrace,
    Duration keepLog) {
  /** How long the delivery log keeps finished deliveries. */
  public static final String KEEP_LOG = "civicdiary.housekeeping.webhook-deliveries-after";

  public WebhookConfig {
    if (threads < 1 || batchSize < 1 || parallelRequests < 1 || maxAttempts < 1) {
      throw new InvalidSetting("civicdiary.webhooks.threads, civicdiary.webhooks.batch-size,"
          + " civicdiary.webhooks.parallel-requests and civicdiary.webhooks.max-attempts must be at least 1");
    }
    for (Duration d : new Duration[] {pollInterval, lease, maxAge, retryInitial, retryMax, connectTimeout,
        requestTimeout, stopGrace, keepLog}) {
      Objects.requireNonNull(d, "a civicdiary.webhooks.* duration");
      if (d.isNegative() || d.isZero()) {
        throw new InvalidSetting("the civicdiary.webhooks.* durations must be longer than zero");
      }
    }
    if (retryMax.compareTo(retryInitial) < 0) {
      throw new InvalidSetting("civicdiary.webhooks.retry-max must not be shorter than civicdiary.webhooks.retry-initial");
    }
    if (lease.compareTo(requestTimeout) <= 0) {
      throw new InvalidSetting("civicdiary.webhooks.lease must be longer than civicdiary.webhooks.request-timeout,"
          + " or a slow receiver gets the same event twice at once");
    }
  }

  /** Reads and checks the keys; each has a default. */
  public static WebhookConfig from(Settings settings) {
    return new WebhookConfig(
        settings.integer("civicdiary.webhooks.threads", 2, 1, 64),
        settings.integer("civicdiary.webhooks.batch-size", 50, 1, 1000),
        settings.integer("civicdiary.webhooks.parallel-requests", 8, 1, 64),
        settings.duration("civicdiary.webhooks.poll-interval", Duration.ofMillis(500)),
        settings.duration("civicdiary.webhooks.lease", Duration.ofMinutes(1)),
        settings.integer("civicdiary.webhooks.max-attempts", 15, 1, 1000),
        settings.duration("civicdiary.webhooks.max-age", Duration.ofDays(3)),
        settings.duration("civicdiary.webhooks.retry-initial", Duration.ofSeconds(30)),
        settings.duration("civicdiary.webhooks.retry-max", Duration.ofHours(1)),
        settings.duration("civicdiary.webhooks.connect-timeout", Duration.ofSeconds(5)),
        settings.duration("civicdiary.webhooks.request-timeout", Duration.ofSeconds(10)),
        settings.duration("civicdiary.webhooks.stop-grace", Duration.ofSeconds(10)),
        HousekeepingPeriods.within(KEEP_LOG, settings.duration(KEEP_LOG, Duration.ofDays(30)), Duration.ofHours(1),
            Duration.ofDays(3650)));
  }
}
