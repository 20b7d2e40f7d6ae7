/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.WebhookAttempt;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEndpointId;
import org.civicdiary.booking.model.WebhookEvent;

/**
 * Integrators' webhook endpoints and the events on their way to them. Events are published in the
 * unit of work of the change they describe, one delivery per endpoint that wants them; workers on
 * any number of nodes claim them. Deliveries of one reservation reach one endpoint in the order
 * they were published: a pending delivery holds up the later ones of its reservation and endpoint
 * until it is delivered or given up, so a claimed batch holds at most one delivery of each line and
 * may be sent all at once. A dispatcher records a batch's outcomes in one unit of work: a {@link
 * org.civicdiary.booking.error.NotFound} from one of them (its endpoint deleted meanwhile) changes
 * nothing and leaves the unit of work usable for the others. Every method may throw {@link
 * org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface Webhooks {
  /** Every endpoint, in the order they were created. */
  List<WebhookEndpoint> endpoints();

  Optional<WebhookEndpoint> endpoint(WebhookEndpointId id);

  /** Adds the endpoint or replaces the one with its id. */
  void save(WebhookEndpoint endpoint);

  /**
   * Removes the endpoint with its deliveries and log.
   *
   * @return whether there was one
   */
  boolean delete(WebhookEndpointId id);

  /**
   * Writes one pending delivery of the event, due at once, for each active endpoint that wants its type.
   *
   * @return how many deliveries were written
   */
  int publish(WebhookEvent event);

  /**
   * Claims up to {@code max} pending deliveries due at {@code now}, lowest number first, skipping
   * any that an earlier pending delivery of the same endpoint and reservation holds up; counts an
   * attempt on each and pushes its due time to {@code now + lease}. Workers claiming at the same
   * time never get the same delivery.
   */
  List<WebhookDelivery> claim(int max, Instant now, Duration lease);

  /**
   * Records a successful attempt.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such delivery (say, its endpoint was deleted)
   */
  void delivered(long number, WebhookAttempt attempt);

  /** Records a failed attempt; the delivery stays pending, due again at {@code next}. */
  void retryLater(long number, Instant next, WebhookAttempt attempt);

  /** Records the last failed attempt and gives up: later deliveries of its reservation go ahead. */
  void giveUp(long number, WebhookAttempt attempt);

  /**
   * Puts a given-up delivery back in line, due at {@code now}, with its attempts counted afresh.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such delivery
   * @throws org.civicdiary.booking.error.StateConflict if it was not given up
   */
  void retry(long number, Instant now);

  Optional<WebhookDelivery> delivery(long number);

  /** The endpoint's deliveries, newest first, at most {@code limit}. */
  List<WebhookDelivery> log(WebhookEndpointId endpoint, int limit);

  /** How many deliveries are pending (for the backlog metric). */
  long pendingCount();

  /**
   * Removes delivered and given-up deliveries whose last attempt was before {@code cutoff}
   * (housekeeping). Pending ones stay, however old.
   *
   * @return how many were removed
   */
  int removeFinishedBefore(Instant cutoff);
}
