/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import org.civicdiary.web.internal.http.KnownMethods;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.civicdiary.booking.error.ProblemType;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.port.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's meters, through micrometer (the host chooses the registry): requests by route and
 * status (a latency histogram), bookings by channel, conflicts, rejections by cause, and the
 * outbox backlog.
 */
public final class Metrics {
  private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
  private static final String REQUESTS = "civicdiary.http.requests";
  /** Far above the routes table, pages and static files together. */
  private static final int MAX_ROUTES = 500;
  private final MeterRegistry registry;
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> rejections = new ConcurrentHashMap<>();
  private final Counter webBookings;
  private final Counter phoneBookings;
  private final Counter conflicts;

  public Metrics(MeterRegistry registry, Outbox outbox) {
    this.registry = registry;
    // the labels come from closed sets already; the cap keeps a mistake from growing the heap
    registry.config().meterFilter(MeterFilter.maximumAllowableTags(REQUESTS, "route", MAX_ROUTES, MeterFilter.deny()));
    this.webBookings = bookings(Channel.WEB);
    this.phoneBookings = bookings(Channel.PHONE);
    this.conflicts = Counter.builder("civicdiary.booking.conflicts")
        .description("bookings and moves refused because the time was just taken").register(registry);
    Gauge.builder("civicdiary.outbox.pending", outbox, Metrics::backlog)
        .description("messages waiting to be sent").register(registry);
  }

  MeterRegistry registry() {
    return registry;
  }

  public void booked(Channel channel) {
    (channel == Channel.WEB ? webBookings : phoneBookings).increment();
  }

  void request(String method, String route, int status, long nanos) {
    String label = methodLabel(method);
    String key = label + ' ' + route + ' ' + status;
    timers.computeIfAbsent(key, k -> Timer.builder(REQUESTS)
            .description("HTTP requests to the booking API")
            .tag("method", label).tag("route", route).tag("status", Integer.toString(status))
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry))
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** A standard method's name, or OTHER: a client can make up any number of method tokens. */
  static String methodLabel(String method) {
    return KnownMethods.STANDARD.contains(method) ? method : "OTHER";
  }

  void rejected(String cause) {
    rejections.computeIfAbsent(cause, c -> Counter.builder("civicdiary.rejections")
        .description("requests answered with a problem, by its code").tag("cause", c).register(registry))
        .increment();
    if (cause.equals(ProblemType.SLOT_TAKEN.code())) {
      conflicts.increment();
    }
  }

  private Counter bookings(Channel channel) {
    return Counter.builder("civicdiary.bookings").description("reservations made")
        .tag("channel", channel.name()).register(registry);
  }

  private static double backlog(Outbox outbox) {
    try {
      return outbox.pendingCount();
    } catch (RuntimeException e) {
      LOG.debug("outbox backlog unknown: {}", e.getMessage());
      return Double.NaN;
    }
  }
}
