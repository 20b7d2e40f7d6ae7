/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyFeed.Failure;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.PolledFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BusyFeedPoller} with the JDK's HTTP client and ical4j. One background thread wakes every
 * tick (a hundredth of the poll interval, 1 to 10 s) and polls the feeds that are due ({@link
 * FeedSchedule}: each at its own place in the interval), so in steady state a few calendars are
 * parsed at a time rather than all of them at once. Fetching (waiting on calendar servers) runs on
 * a small pool; parsing (CPU) takes one of a few permits, fewer than the cores by default, so a
 * catch-up poll of every feed cannot take every core from bookings. Only applying a result takes
 * a unit of work. A catch-up poll (many feeds due at once, as after a start) starts its feeds
 * evenly over the configured spread rather than all at once: its writes then never queue in front
 * of bookings.
 */
final class BusyFeedWorkers implements BusyFeedPoller {
  private static final Logger LOG = LoggerFactory.getLogger(BusyFeedWorkers.class);
  private static final Duration SHORTEST_TICK = Duration.ofSeconds(1);
  private static final Duration LONGEST_TICK = Duration.ofSeconds(10);
  private final Storage storage;
  private final CivicDiary diary;
  private final Clock clock;
  private final BusyFeedConfig config;
  private final HttpClient http;
  private final PollingThreads thread;
  private final FeedSchedule schedule;
  private final Semaphore parsing;
  /** Polls in a row that failed, per official, as this node saw them: the backoff's attempt. */
  private final Map<OfficialId, Integer> failures = new ConcurrentHashMap<>();

  BusyFeedWorkers(Storage storage, CivicDiary diary, Clock clock, BusyFeedConfig config) {
    this.storage = storage;
    this.diary = diary;
    this.clock = clock;
    this.config = config;
    // Published calendars (Exchange, Google) may redirect; the JDK never follows https to http.
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    this.schedule = new FeedSchedule(config.pollInterval());
    this.parsing = new Semaphore(config.parseThreads(), true);
    // One thread: a poll always claims "less than a full batch", so it waits a tick after each.
    this.thread = new PollingThreads("civic-diary-busy-feeds", 1, tick(config.pollInterval()), config.stopGrace(),
        Integer.MAX_VALUE, this::pollDue);
  }

  private static Duration tick(Duration interval) {
    Duration tick = interval.dividedBy(100);
    return tick.compareTo(SHORTEST_TICK) < 0 ? SHORTEST_TICK : tick.compareTo(LONGEST_TICK) > 0 ? LONGEST_TICK : tick;
  }

  @Override
  public void start() {
    if (config.enabled()) {
      thread.start();
    }
  }

  @Override
  public void stop() {
    thread.stop();
  }

  @Override
  public int pollOnce() {
    return poll(diary.keepingBusyFeeds().all(), () -> false, 0);
  }

  @Override
  public int pollDue() {
    return pollDue(() -> false);
  }

  private int pollDue(BooleanSupplier stopping) {
    Instant now = clock.instant();
    List<BusyFeed> all = diary.keepingBusyFeeds().all();
    List<BusyFeed> due = all.stream()
        .filter(f -> !schedule.due(f, failures.getOrDefault(f.official(), 0)).isAfter(now)).toList();
    return poll(due, stopping, gap(all.size(), due.size()));
  }

  /**
   * The pause between two feeds' starts: none for a tick's few feeds; in a catch-up (more due than
   * fetch threads) starts at the pace that would poll every feed within the catch-up spread, so a
   * catch-up's writes come as a steady trickle beside bookings rather than as one burst.
   */
  private long gap(int all, int due) {
    if (due <= config.threads() || config.catchUpSpread().isZero()) {
      return 0;
    }
    return config.catchUpSpread().toNanos() / all;
  }

  /** When the feed is next due, for tests. */
  Instant due(BusyFeed feed) {
    return schedule.due(feed, failures.getOrDefault(feed.official(), 0));
  }

  /**
   * Polls the feeds, starting one every {@code gapNanos} at most; once stopping (or interrupted),
   * feeds not yet started are left for the next poll.
   */
  private int poll(List<BusyFeed> feeds, BooleanSupplier stopping, long gapNanos) {
    if (feeds.isEmpty()) {
      return 0;
    }
    Instant from = diary.keepingBusyFeeds().expandFrom();
    Instant to = diary.keepingBusyFeeds().expandUntil();
    AtomicInteger polled = new AtomicInteger();
    AtomicBoolean abandoned = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.threads(), feeds.size()), r -> {
      Thread t = new Thread(r, "civic-diary-busy-feed-fetch");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> running = new ArrayList<>(feeds.size());
      long next = System.nanoTime();
      for (BusyFeed feed : feeds) {
        if (gapNanos > 0) {
          for (long wait = next - System.nanoTime(); wait > 0 && !stopping.getAsBoolean();
              wait = next - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
          }
          next += gapNanos;
          if (stopping.getAsBoolean()) {
            break;
          }
        }
        running.add(pool.submit(() -> {
          if (abandoned.get() || stopping.getAsBoolean()) {
            return;
          }
          poll(feed, from, to);
          polled.incrementAndGet();
        }));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.warn("a busy feed could not be applied: {}", SafeText.describe(e.getCause()));
        }
      }
    } catch (InterruptedException e) {
      abandoned.set(true);
      Thread.currentThread().interrupt();
    } finally {
      // Never interrupts a worker: one writing to an H2 file would close the database under it.
      pool.shutdown();
    }
    return polled.get();
  }

  private void poll(BusyFeed feed, Instant from, Instant to) {
    PolledFeed result = fetch(feed, from, to);
    if (Thread.currentThread().isInterrupted()) {
      // Stopped in the middle: not the calendar's failure; the next poll asks again.
      return;
    }
    if (result instanceof PolledFeed.Failed) {
      failures.merge(feed.official(), 1, Integer::sum);
    } else {
      failures.remove(feed.official());
    }
    diary.keepingBusyFeeds().apply(feed.official(), feed.url(), result, config.keepLastGood());
  }

  private PolledFeed fetch(BusyFeed feed, Instant from, Instant to) {
    HttpRequest.Builder request = HttpRequest.newBuilder(feed.url()).timeout(config.requestTimeout())
        .header("Accept", "text/calendar, */*;q=0.5").GET();
    if (feed.etag() != null) {
      request.header("If-None-Match", feed.etag());
    }
    if (feed.lastModified() != null) {
      request.header("If-Modified-Since", feed.lastModified());
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      return new PolledFeed.Failed(Failure.UNREACHABLE, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PolledFeed.Failed(Failure.UNREACHABLE, "interrupted");
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() == 304) {
        return new PolledFeed.NotModified();
      }
      if (response.statusCode() != 200) {
        return new PolledFeed.Failed(Failure.REFUSED, "HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(config.maxBytes() + 1);
      if (bytes.length > config.maxBytes()) {
        return new PolledFeed.Failed(Failure.TOO_LARGE, "over " + config.maxBytes() + " bytes");
      }
      List<BusyTime> busy = parse(feed, bytes, zoneOf(feed), from, to);
      return new PolledFeed.Fetched(header(response, "ETag"), header(response, "Last-Modified"), busy);
    } catch (BusyCalendar.Rejected e) {
      return new PolledFeed.Failed(e.failure(), e.getMessage());
    } catch (IOException e) {
      return new PolledFeed.Failed(Failure.UNREACHABLE, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PolledFeed.Failed(Failure.UNREACHABLE, "interrupted");
    }
  }

  /** Parses under one of the parsing permits: the CPU part of a poll, kept off the other cores. */
  private List<BusyTime> parse(BusyFeed feed, byte[] bytes, ZoneId zone, Instant from, Instant to)
      throws BusyCalendar.Rejected, InterruptedException {
    parsing.acquire();
    try {
      return BusyCalendar.busy(feed.official(), new java.io.ByteArrayInputStream(bytes), zone, from, to,
          config.maxEvents());
    } finally {
      parsing.release();
    }
  }

  /** A validator as sent, unless too long to keep (then the next poll fetches the whole feed). */
  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).filter(v -> v.length() <= 200 && !v.isBlank()).orElse(null);
  }

  /** The office's zone, for all-day and floating times. */
  private ZoneId zoneOf(BusyFeed feed) {
    return storage.directory().official(feed.official())
        .flatMap(o -> storage.directory().department(o.department()))
        .flatMap(d -> storage.directory().office(d.office()))
        .map(Office::zone).orElse(Office.DEFAULT_ZONE);
  }
}
