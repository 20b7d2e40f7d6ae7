/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEndpointId;
import org.civicdiary.booking.model.WebhookSecret;

/**
 * Administrators keep integrators' webhook endpoints: register, change, delete, rotate the signing
 * secret, read an endpoint's delivery log and send a given-up delivery again. Every change is
 * audited, never with a secret.
 */
public final class KeepingWebhooks {
  /** How long the previous secret still signs after a rotation, unless the administrator says otherwise. */
  public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofHours(24);
  /** The longest overlap of two secrets. */
  public static final Duration MAX_ROTATION_GRACE = Duration.ofDays(7);
  /** The most log lines one read returns. */
  public static final int MAX_LOG_LIMIT = 500;
  private final Context context;

  KeepingWebhooks(Context context) {
    this.context = context;
  }

  public List<WebhookEndpoint> endpoints(StaffMember actor) {
    requireAdmin(actor);
    return context.storage.webhooks().endpoints();
  }

  public WebhookEndpoint endpoint(StaffMember actor, WebhookEndpointId id) {
    requireAdmin(actor);
    return find(id);
  }

  /** Registers an endpoint with a new secret, which the answer shows this once. */
  public WebhookSecretIssued register(StaffMember actor, WebhookEndpointChange change) {
    requireAdmin(actor);
    requireChange(change);
    WebhookSecret secret = WebhookSecret.generate(context.random);
    WebhookEndpoint endpoint = WebhookEndpoint.register(change.uri(), change.description(), change.types(),
        change.personalData(), change.active(), secret, context.now());
    context.storage.transactions().run(() -> {
      context.storage.webhooks().save(endpoint);
      context.audit(actor, "webhook.create", endpoint.id().toString(), null, endpoint.toString());
    });
    return new WebhookSecretIssued(endpoint, secret);
  }

  /** Changes the address, event types, entitlement or activity; the secret stays. */
  public WebhookEndpoint change(StaffMember actor, WebhookEndpointId id, WebhookEndpointChange change) {
    requireAdmin(actor);
    requireChange(change);
    return context.storage.transactions().inTransaction(() -> {
      WebhookEndpoint before = find(id);
      WebhookEndpoint after = before.changed(change.uri(), change.description(), change.types(),
          change.personalData(), change.active(), context.now());
      context.storage.webhooks().save(after);
      context.audit(actor, "webhook.update", id.toString(), before.toString(), after.toString());
      return after;
    });
  }

  /** Deletes the endpoint, its pending deliveries and its log. */
  public void delete(StaffMember actor, WebhookEndpointId id) {
    requireAdmin(actor);
    context.storage.transactions().run(() -> {
      WebhookEndpoint before = find(id);
      context.storage.webhooks().delete(id);
      context.audit(actor, "webhook.delete", id.toString(), before.toString(), null);
    });
  }

  /**
   * Gives the endpoint a new secret, shown this once; for {@code grace} the previous one signs
   * too, so the receiver accepts deliveries while it switches.
   *
   * @param grace null for {@link #DEFAULT_ROTATION_GRACE}; zero drops the previous secret at once
   */
  public WebhookSecretIssued rotateSecret(StaffMember actor, WebhookEndpointId id, Duration grace) {
    requireAdmin(actor);
    Duration overlap = grace == null ? DEFAULT_ROTATION_GRACE : grace;
    if (overlap.isNegative() || overlap.compareTo(MAX_ROTATION_GRACE) > 0) {
      throw new InvalidInput("graceHours", "must be 0 to " + MAX_ROTATION_GRACE.toHours());
    }
    WebhookSecret secret = WebhookSecret.generate(context.random);
    WebhookEndpoint rotated = context.storage.transactions().inTransaction(() -> {
      WebhookEndpoint before = find(id);
      WebhookEndpoint after = before.rotated(secret, overlap, context.now());
      context.storage.webhooks().save(after);
      context.audit(actor, "webhook.rotate-secret", id.toString(), before.toString(), after.toString());
      return after;
    });
    return new WebhookSecretIssued(rotated, secret);
  }

  /** The endpoint's deliveries, newest first. */
  public List<WebhookDelivery> log(StaffMember actor, WebhookEndpointId id, int limit) {
    requireAdmin(actor);
    if (limit < 1 || limit > MAX_LOG_LIMIT) {
      throw new InvalidInput("limit", "must be 1 to " + MAX_LOG_LIMIT);
    }
    find(id);
    return context.storage.webhooks().log(id, limit);
  }

  /**
   * Puts a given-up delivery of the endpoint back in line.
   *
   * @throws NotFound unless the endpoint has such a delivery
   * @throws org.civicdiary.booking.error.StateConflict if it was not given up
   */
  public WebhookDelivery retry(StaffMember actor, WebhookEndpointId id, long delivery) {
    requireAdmin(actor);
    return context.storage.transactions().inTransaction(() -> {
      WebhookDelivery before = context.storage.webhooks().delivery(delivery).filter(d -> d.endpoint().equals(id))
          .orElseThrow(() -> new NotFound("webhook delivery", Long.toString(delivery)));
      context.storage.webhooks().retry(delivery, context.now());
      context.audit(actor, "webhook.retry", id + "/" + delivery, before.state().name(), "PENDING");
      return context.storage.webhooks().delivery(delivery).orElseThrow();
    });
  }

  private WebhookEndpoint find(WebhookEndpointId id) {
    if (id == null) {
      throw new InvalidInput("id", "is required");
    }
    return context.storage.webhooks().endpoint(id).orElseThrow(() -> new NotFound("webhook endpoint", id.toString()));
  }

  private static void requireChange(WebhookEndpointChange change) {
    if (change == null) {
      throw new InvalidInput("body", "is required");
    }
  }

  private static void requireAdmin(StaffMember actor) {
    // Endpoints receive every office's reservations: the deployment's administrator keeps them.
    Context.permit(actor.administersDeployment(), "keep webhook endpoints");
  }
}
