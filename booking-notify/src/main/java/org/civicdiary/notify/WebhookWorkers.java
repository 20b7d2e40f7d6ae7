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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.WebhookAttempt;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEndpointId;
import org.civicdiary.booking.port.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook dispatcher: {@code civicdiary.webhooks.threads} background workers, each claiming,
 * signing, posting and recording deliveries. The JDK's HTTP client follows no redirects (a
 * receiver's redirect would send signed personal data elsewhere) and ignores answer bodies.
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
    List<WebhookDelivery> batch = storage.transactions().inTransaction(
        () -> storage.webhooks().claim(config.batchSize(), now, config.lease()));
    Map<WebhookEndpointId, Optional<WebhookEndpoint>> endpoints = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      if (stopping.getAsBoolean()) {
        handBack(batch.subList(i, batch.size()));
        break;
      }
      WebhookDelivery delivery = batch.get(i);
      endpoints.computeIfAbsent(delivery.endpoint(), id -> storage.webhooks().endpoint(id))
          .ifPresent(endpoint -> send(delivery, endpoint));
    }
    return batch.size();
  }

  private void send(WebhookDelivery delivery, WebhookEndpoint endpoint) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    Integer status = null;
    String error;
    try {
      Optional<Reservation> personal = endpoint.personalData()
          ? storage.reservations().find(delivery.event().reservation()) : Optional.empty();
      String body = WebhookPayload.of(delivery.event(), personal);
      long timestamp = at.getEpochSecond();
      HttpRequest request = HttpRequest.newBuilder(endpoint.url())
          .timeout(config.requestTimeout())
          .header("content-type", "application/json")
          .header("user-agent", "civic-diary-webhooks")
          .header("webhook-id", delivery.event().id())
          .header("webhook-timestamp", Long.toString(timestamp))
          .header("webhook-signature", WebhookSignature.header(delivery.event().id(), timestamp, body,
              endpoint.signingSecrets(at)))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      error = status / 100 == 2 ? null : "HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : "");
    } catch (HttpTimeoutException e) {
      error = "no answer within the timeout";
    } catch (IOException e) {
      error = "no answer: " + SafeText.describe(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted while sending";
    } catch (RuntimeException e) {
      error = SafeText.describe(e);
    }
    WebhookAttempt attempt = new WebhookAttempt(at, status, error == null ? null : SafeText.error(error),
        Duration.ofNanos(System.nanoTime() - started));
    record(delivery, attempt);
  }

  private void record(WebhookDelivery delivery, WebhookAttempt attempt) {
    long number = delivery.number();
    if (attempt.error() == null) {
      mark(() -> storage.webhooks().delivered(number, attempt), delivery);
      return;
    }
    boolean tooOld = delivery.event().occurredAt().plus(config.maxAge()).isBefore(attempt.at());
    if (delivery.attempts() >= config.maxAttempts() || tooOld) {
      LOG.warn("webhook delivery {} ({}) to endpoint {} given up after {} attempts: {}", number,
          delivery.event().type().wireName(), delivery.endpoint(), delivery.attempts(), attempt.error());
      mark(() -> storage.webhooks().giveUp(number, attempt), delivery);
    } else {
      Instant next = clock.instant().plus(backoff.after(delivery.attempts()));
      LOG.debug("webhook delivery {} attempt {} failed, next at {}: {}", number, delivery.attempts(), next,
          attempt.error());
      mark(() -> storage.webhooks().retryLater(number, next, attempt), delivery);
    }
  }

  /** Claimed but not begun when stopping: due again at once, for this node or another. */
  private void handBack(List<WebhookDelivery> rest) {
    Instant now = clock.instant();
    for (WebhookDelivery d : new ArrayList<>(rest)) {
      WebhookAttempt unchanged = d.last() == null
          ? new WebhookAttempt(now, null, "not sent yet: a dispatcher stopped first", Duration.ZERO) : d.last();
      mark(() -> storage.webhooks().retryLater(d.number(), now, unchanged), d);
    }
  }

  /** A failed mark is not lost: the lease brings the delivery back and it is sent again (same webhook-id). */
  private void mark(Runnable change, WebhookDelivery delivery) {
    try {
      storage.transactions().run(change);
    } catch (RuntimeException e) {
      LOG.warn("webhook delivery {} could not be recorded; it comes back after its lease: {}", delivery.number(),
          SafeText.describe(e));
    }
  }
}
