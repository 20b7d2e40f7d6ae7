/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.WebhookAttempt;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEndpointId;
import org.civicdiary.booking.port.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook dispatcher: {@code civicdiary.webhooks.threads} background workers, each claiming a
 * batch, posting it and recording its outcomes in one unit of work (one commit per batch, not per
 * delivery). A claim holds at most one delivery of each reservation's line, so a batch's requests
 * may go out at once: up to {@code parallel-requests} per endpoint, order per reservation intact.
 * The JDK's HTTP client follows no redirects (a receiver's redirect would send signed personal data
 * elsewhere) and ignores answer bodies.
 */
final class WebhookWorkers implements WebhookDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookWorkers.class);
  private final Storage storage;
  private final Clock clock;
  private final WebhookConfig config;
  private final Backoff backoff;
  private final HttpClient http;
  private final PollingThreads threads;

  WebhookWorkers(Storage storage, Clock clock, WebhookConfig config, Backoff backoff) {
    this.storage = storage;
    this.clock = clock;
    this.config = config;
    this.backoff = backoff;
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.threads = new PollingThreads("civic-diary-webhooks", config.threads(), config.pollInterval(),
        config.stopGrace(), config.batchSize(), this::dispatch);
  }

  @Override
  public void start() {
    threads.start();
  }

  @Override
  public void stop() {
    threads.stop();
  }

  @Override
  public int dispatchOnce() {
    return dispatch(() -> false);
  }

  private int dispatch(BooleanSupplier stopping) {
    Instant now = clock.instant();
    List<WebhookDelivery> claimed = storage.transactions().inTransaction(
        () -> storage.webhooks().claim(config.batchSize(), now, config.lease()));
    if (claimed.isEmpty()) {
      return 0;
    }
    // A request begun later could still be under way when the lease ends and another node sends
    // the same delivery, perhaps after the next of its reservation: those are handed back instead.
    long beginBefore = System.nanoTime() + config.lease().minus(config.requestTimeout()).toNanos();
    Batch batch = new Batch();
    Map<WebhookEndpointId, Optional<WebhookEndpoint>> endpoints = new HashMap<>();
    Map<WebhookEndpoint, Queue<Prepared>> lines = new LinkedHashMap<>();
    for (WebhookDelivery delivery : claimed) {
      // A delivery whose endpoint was deleted meanwhile went with it: nothing to send or record.
      endpoints.computeIfAbsent(delivery.endpoint(), id -> storage.webhooks().endpoint(id))
          .ifPresent(endpoint -> lines.computeIfAbsent(endpoint, e -> new ConcurrentLinkedQueue<>())
              .add(prepare(delivery, endpoint)));
    }
    List<CompletableFuture<Void>> lanes = new ArrayList<>();
    lines.forEach((endpoint, queue) -> {
      for (int i = Math.min(config.parallelRequests(), queue.size()); i > 0; i--) {
        lanes.add(lane(endpoint, queue, batch, () -> stopping.getAsBoolean() || System.nanoTime() > beginBefore));
      }
    });
    try {
      CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      // Stopped after the grace: the requests under way are recorded as interrupted, the rest handed back.
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.warn("webhook requests ended unexpectedly: {}", SafeText.describe(e.getCause()));
    }
    List<Outcome> outcomes = batch.close(clock.instant());
    List<WebhookDelivery> notBegun = lines.values().stream().flatMap(Queue::stream).map(Prepared::delivery).toList();
    record(outcomes, notBegun);
    return claimed.size();
  }

  /**
   * Sends the endpoint's deliveries one after another until none is left or {@code enough} says so;
   * several lanes share an endpoint's queue. Each delivery in the queue is the only one of its
   * reservation in the batch, so lanes never reorder a reservation's events.
   */
  private CompletableFuture<Void> lane(WebhookEndpoint endpoint, Queue<Prepared> queue, Batch batch,
      BooleanSupplier enough) {
    Prepared next = batch.next(queue, enough);
    if (next == null) {
      return CompletableFuture.completedFuture(null);
    }
    return send(next, endpoint).thenAccept(batch::add).thenCompose(done -> lane(endpoint, queue, batch, enough));
  }

  /** The body, read on the worker's thread (personal data comes from the storage). */
  private Prepared prepare(WebhookDelivery delivery, WebhookEndpoint endpoint) {
    try {
      Optional<Reservation> personal = endpoint.personalData()
          ? storage.reservations().find(delivery.event().reservation()) : Optional.empty();
      return new Prepared(delivery, WebhookPayload.of(delivery.event(), personal), null);
    } catch (RuntimeException e) {
      return new Prepared(delivery, null, SafeText.describe(e));
    }
  }

  private CompletableFuture<Outcome> send(Prepared prepared, WebhookEndpoint endpoint) {
    WebhookDelivery delivery = prepared.delivery();
    Instant at = clock.instant();
    long started = System.nanoTime();
    if (prepared.body() == null) {
      return CompletableFuture.completedFuture(new Outcome(delivery, attempt(at, started, null, prepared.problem())));
    }
    try {
      long timestamp = at.getEpochSecond();
      HttpRequest request = HttpRequest.newBuilder(endpoint.url())
          .timeout(config.requestTimeout())
          .header("content-type", "application/json")
          .header("user-agent", "civic-diary-webhooks")
          .header("webhook-id", delivery.event().id())
          .header("webhook-timestamp", Long.toString(timestamp))
          .header("webhook-signature", WebhookSignature.header(delivery.event().id(), timestamp, prepared.body(),
              endpoint.signingSecrets(at)))
          .POST(HttpRequest.BodyPublishers.ofString(prepared.body()))
          .build();
      return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .handle((response, failure) -> new Outcome(delivery, failure == null
              ? answered(at, started, response.statusCode())
              : attempt(at, started, null, problem(failure))));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new Outcome(delivery, attempt(at, started, null,
          SafeText.describe(e))));
    }
  }

  private static WebhookAttempt answered(Instant at, long started, int status) {
    String error = status / 100 == 2 ? null
        : "HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : "");
    return attempt(at, started, status, error);
  }

  private static WebhookAttempt attempt(Instant at, long started, Integer status, String error) {
    return new WebhookAttempt(at, status, error == null ? null : SafeText.error(error),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static String problem(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof HttpTimeoutException) {
      return "no answer within the timeout";
    }
    if (cause instanceof IOException) {
      return "no answer: " + SafeText.describe(cause);
    }
    return SafeText.describe(cause);
  }

  /**
   * Records the batch in one unit of work: one commit instead of one per delivery. Should that
   * fail, each is tried in a unit of its own, so that one bad row costs no other its record.
   */
  private void record(List<Outcome> outcomes, List<WebhookDelivery> notBegun) {
    List<Mark> marks = new ArrayList<>();
    outcomes.forEach(o -> marks.add(mark(o.delivery(), o.attempt())));
    // Claimed but not begun (stopping, or too late for the lease): due again at once, for this node or another.
    Instant now = clock.instant();
    for (WebhookDelivery d : notBegun) {
      WebhookAttempt unchanged = d.last() != null ? d.last()
          : new WebhookAttempt(now, null, "not sent yet: handed back before its request began", Duration.ZERO);
      marks.add(new Mark(d, () -> storage.webhooks().retryLater(d.number(), now, unchanged)));
    }
    try {
      storage.transactions().run(() -> marks.forEach(Mark::apply));
    } catch (RuntimeException e) {
      LOG.debug("a batch of webhook deliveries could not be recorded at once; one by one: {}", SafeText.describe(e));
      for (Mark mark : marks) {
        try {
          storage.transactions().run(mark::apply);
        } catch (RuntimeException lost) {
          // Not lost for good: the lease brings the delivery back and it is sent again (same webhook-id).
          LOG.warn("webhook delivery {} could not be recorded; it comes back after its lease: {}",
              mark.delivery().number(), SafeText.describe(lost));
        }
      }
    }
  }

  private Mark mark(WebhookDelivery delivery, WebhookAttempt attempt) {
    long number = delivery.number();
    if (attempt.error() == null) {
      return new Mark(delivery, () -> storage.webhooks().delivered(number, attempt));
    }
    boolean tooOld = delivery.event().occurredAt().plus(config.maxAge()).isBefore(attempt.at());
    if (delivery.attempts() >= config.maxAttempts() || tooOld) {
      LOG.warn("webhook delivery {} ({}) to endpoint {} given up after {} attempts: {}", number,
          delivery.event().type().wireName(), delivery.endpoint(), delivery.attempts(), attempt.error());
      return new Mark(delivery, () -> storage.webhooks().giveUp(number, attempt));
    }
    Instant next = clock.instant().plus(backoff.after(delivery.attempts()));
    LOG.debug("webhook delivery {} attempt {} failed, next at {}: {}", number, delivery.attempts(), next,
        attempt.error());
    return new Mark(delivery, () -> storage.webhooks().retryLater(number, next, attempt));
  }

  /** A delivery with its body, or with why there is none (then it fails without a request). */
  private record Prepared(WebhookDelivery delivery, String body, String problem) {}

  private record Outcome(WebhookDelivery delivery, WebhookAttempt attempt) {}

  /** One delivery's change to the storage; a delivery deleted meanwhile (with its endpoint) needs none. */
  private record Mark(WebhookDelivery delivery, Runnable change) {
    void apply() {
      try {
        change.run();
      } catch (NotFound gone) {
        LOG.debug("webhook delivery {} is gone (its endpoint was deleted)", delivery.number());
      }
    }
  }

  /**
   * The requests of a batch, which finish on the HTTP client's threads. Once closed it begins no
   * request and takes no outcome, so that what the worker records is final.
   */
  private static final class Batch {
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Map<Long, WebhookDelivery> underWay = new LinkedHashMap<>();
    private boolean closed;

    /** The next delivery to send from the queue, or null when closed, empty or {@code enough}. */
    synchronized Prepared next(Queue<Prepared> queue, BooleanSupplier enough) {
      Prepared next = closed || enough.getAsBoolean() ? null : queue.poll();
      if (next != null) {
        underWay.put(next.delivery().number(), next.delivery());
      }
      return next;
    }

    synchronized void add(Outcome outcome) {
      if (!closed) {
        underWay.remove(outcome.delivery().number());
        outcomes.add(outcome);
      }
    }

    /** The outcomes, with requests still under way (the worker was interrupted) as failed attempts. */
    synchronized List<Outcome> close(Instant now) {
      closed = true;
      underWay.values().forEach(d -> outcomes.add(new Outcome(d, new WebhookAttempt(now, null,
          "interrupted while sending", Duration.ZERO))));
      underWay.clear();
      return List.copyOf(outcomes);
    }
  }
}
