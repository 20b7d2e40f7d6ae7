/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.WebhookAttempt;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookDeliveryState;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEndpointId;
import org.civicdiary.booking.model.WebhookEvent;
import org.civicdiary.booking.port.Webhooks;

final class MemoryWebhooks implements Webhooks {
  private final MemoryTransactions tx;
  private final Map<WebhookEndpointId, WebhookEndpoint> endpoints = new LinkedHashMap<>();
  private final TreeMap<Long, WebhookDelivery> deliveries = new TreeMap<>();
  // Numbers are never reused, not even after a rollback, as with a database sequence.
  private long lastNumber;

  MemoryWebhooks(MemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public List<WebhookEndpoint> endpoints() {
    return tx.locked(() -> List.copyOf(endpoints.values()));
  }

  @Override
  public Optional<WebhookEndpoint> endpoint(WebhookEndpointId id) {
    return tx.locked(() -> Optional.ofNullable(endpoints.get(id)));
  }

  @Override
  public void save(WebhookEndpoint endpoint) {
    tx.locked(() -> tx.put(endpoints, endpoint.id(), endpoint));
  }

  @Override
  public boolean delete(WebhookEndpointId id) {
    return tx.locked(() -> {
      if (tx.remove(endpoints, id) == null) {
        return false;
      }
      deliveries.values().stream().filter(d -> d.endpoint().equals(id)).map(WebhookDelivery::number).toList()
          .forEach(number -> tx.remove(deliveries, number));
      return true;
    });
  }

  @Override
  public int publish(WebhookEvent event) {
    return tx.locked(() -> {
      int written = 0;
      for (WebhookEndpoint endpoint : endpoints.values()) {
        if (endpoint.wants(event.type())) {
          long number = ++lastNumber;
          tx.put(deliveries, number, new WebhookDelivery(number, endpoint.id(), event, WebhookDeliveryState.PENDING, 0,
              event.occurredAt(), null));
          written++;
        }
      }
      return written;
    });
  }

  @Override
  public List<WebhookDelivery> claim(int max, Instant now, Duration lease) {
    return tx.locked(() -> {
      Set<List<Object>> heldUp = new HashSet<>();
      List<WebhookDelivery> claimed = new ArrayList<>();
      for (WebhookDelivery d : deliveries.values()) {
        if (claimed.size() >= max) {
          break;
        }
        if (d.state() != WebhookDeliveryState.PENDING) {
          continue;
        }
        // The first pending delivery of a line holds up the rest of it, due or not.
        if (heldUp.add(List.of(d.endpoint(), d.event().reservation())) && !d.dueAt().isAfter(now)) {
          claimed.add(d.claimed(now, lease));
        }
      }
      claimed.forEach(d -> tx.put(deliveries, d.number(), d));
      return List.copyOf(claimed);
    });
  }

  @Override
  public void delivered(long number, WebhookAttempt attempt) {
    change(number, d -> d.delivered(attempt));
  }

  @Override
  public void retryLater(long number, Instant next, WebhookAttempt attempt) {
    change(number, d -> d.retryAt(next, attempt));
  }

  @Override
  public void giveUp(long number, WebhookAttempt attempt) {
    change(number, d -> d.givenUp(attempt));
  }

  @Override
  public void retry(long number, Instant now) {
    change(number, d -> {
      if (d.state() != WebhookDeliveryState.GIVEN_UP) {
        throw new StateConflict("delivery " + number + " is " + d.state() + ", not given up");
      }
      return d.retried(now);
    });
  }

  private void change(long number, UnaryOperator<WebhookDelivery> how) {
    tx.locked(() -> {
      WebhookDelivery delivery = deliveries.get(number);
      if (delivery == null) {
        throw new NotFound("webhook delivery", Long.toString(number));
      }
      tx.put(deliveries, number, how.apply(delivery));
    });
  }

  @Override
  public Optional<WebhookDelivery> delivery(long number) {
    return tx.locked(() -> Optional.ofNullable(deliveries.get(number)));
  }

  @Override
  public List<WebhookDelivery> log(WebhookEndpointId endpoint, int limit) {
    return tx.locked(() -> deliveries.descendingMap().values().stream().filter(d -> d.endpoint().equals(endpoint))
        .limit(limit).toList());
  }

  @Override
  public long pendingCount() {
    return tx.locked(() -> deliveries.values().stream().filter(d -> d.state() == WebhookDeliveryState.PENDING).count());
  }

  @Override
  public int removeFinishedBefore(Instant cutoff) {
    return tx.locked(() -> {
      List<Long> old = deliveries.values().stream()
          .filter(d -> d.state() != WebhookDeliveryState.PENDING && d.last() != null && d.last().at().isBefore(cutoff))
          .sorted(Comparator.comparingLong(WebhookDelivery::number))
          .map(WebhookDelivery::number)
          .toList();
      old.forEach(number -> tx.remove(deliveries, number));
      return old.size();
    });
  }
}
