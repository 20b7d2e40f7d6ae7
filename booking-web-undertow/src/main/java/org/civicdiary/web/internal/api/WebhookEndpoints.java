/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEndpointId;
import org.civicdiary.booking.model.WebhookEventType;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.KeepingWebhooks;
import org.civicdiary.booking.usecase.WebhookEndpointChange;
import org.civicdiary.booking.usecase.WebhookSecretIssued;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.http.Route.Access;
import org.civicdiary.web.internal.http.Route.Limit;
import org.civicdiary.web.internal.problem.Problems;

/**
 * Integrators' webhook endpoints and their delivery logs: administrators only, by the core's rules.
 * The signing secret is in the answers to creating and rotating, and nowhere else.
 */
final class WebhookEndpoints {
  static final int DEFAULT_LOG_LIMIT = 100;
  private final CivicDiary diary;

  WebhookEndpoints(CivicDiary diary) {
    this.diary = diary;
  }

  List<Route> routes(String staffApi) {
    String one = staffApi + "/webhooks/{id}";
    return List.of(
        route("GET", staffApi + "/webhooks", this::list),
        route("POST", staffApi + "/webhooks", this::create),
        route("GET", one, this::read),
        route("PUT", one, this::update),
        route("DELETE", one, this::delete),
        route("POST", one + "/rotate-secret", this::rotate),
        route("GET", one + "/deliveries", this::deliveries),
        route("POST", one + "/deliveries/{number}/retry", this::retry));
  }

  private static Route route(String method, String template, Route.Action action) {
    return new Route(method, template, Access.STAFF, Limit.NONE, Problems.Disclosure.FULL, action);
  }

  Reply list(Call call) {
    return Reply.ok(new EndpointsView(diary.keepingWebhooks().endpoints(call.member()).stream()
        .map(EndpointView::of).toList()));
  }

  Reply create(Call call) {
    WebhookSecretIssued issued = diary.keepingWebhooks().register(call.member(), change(call));
    return Reply.json(201, IssuedView.of(issued));
  }

  Reply read(Call call) {
    return Reply.ok(EndpointView.of(diary.keepingWebhooks().endpoint(call.member(), id(call))));
  }

  Reply update(Call call) {
    return Reply.ok(EndpointView.of(diary.keepingWebhooks().change(call.member(), id(call), change(call))));
  }

  Reply delete(Call call) {
    call.noBody();
    diary.keepingWebhooks().delete(call.member(), id(call));
    return Reply.noContent();
  }

  Reply rotate(Call call) {
    call.noBody();
    int maxHours = (int) KeepingWebhooks.MAX_ROTATION_GRACE.toHours();
    int hours = call.integer("graceHours", (int) KeepingWebhooks.DEFAULT_ROTATION_GRACE.toHours(), 0, maxHours);
    return Reply.ok(IssuedView.of(diary.keepingWebhooks().rotateSecret(call.member(), id(call),
        Duration.ofHours(hours))));
  }

  Reply deliveries(Call call) {
    int limit = call.integer("limit", DEFAULT_LOG_LIMIT, 1, KeepingWebhooks.MAX_LOG_LIMIT);
    return Reply.ok(new DeliveriesView(diary.keepingWebhooks().log(call.member(), id(call), limit).stream()
        .map(DeliveryView::of).toList()));
  }

  Reply retry(Call call) {
    call.noBody();
    long number;
    try {
      number = Long.parseLong(call.path("number"));
    } catch (NumberFormatException e) {
      throw new InvalidInput("number", "must be a delivery number");
    }
    return Reply.ok(DeliveryView.of(diary.keepingWebhooks().retry(call.member(), id(call), number)));
  }

  private static WebhookEndpointId id(Call call) {
    return WebhookEndpointId.parse(call.path("id"));
  }

  private static WebhookEndpointChange change(Call call) {
    EndpointBody body = call.body(EndpointBody.class);
    return new WebhookEndpointChange(body.url(), body.description(), body.events(),
        Boolean.TRUE.equals(body.personalData()), !Boolean.FALSE.equals(body.active()));
  }

  /** An endpoint to register or change; {@code active} defaults to true, {@code personalData} to false. */
  record EndpointBody(String url, String description, List<String> events, Boolean personalData, Boolean active) {}

  record EndpointView(String id, String url, String description, List<String> events, boolean personalData,
      boolean active, Instant previousSecretUntil, Instant createdAt, Instant updatedAt) {
    static EndpointView of(WebhookEndpoint e) {
      return new EndpointView(e.id().toString(), e.url().toString(), e.description(),
          e.events().stream().map(WebhookEventType::wireName).toList(), e.personalData(), e.active(),
          e.previousSecretUntil(), e.createdAt(), e.updatedAt());
    }
  }

  record EndpointsView(List<EndpointView> endpoints) {}

  /** The one answer with the secret in it. */
  record IssuedView(EndpointView endpoint, String secret) {
    static IssuedView of(WebhookSecretIssued issued) {
      return new IssuedView(EndpointView.of(issued.endpoint()), issued.secret().text());
    }
  }

  record DeliveryView(long number, String eventId, String type, String reservation, String state, int attempts,
      Instant occurredAt, Instant dueAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
      Long durationMillis) {
    static DeliveryView of(WebhookDelivery d) {
      return new DeliveryView(d.number(), d.event().id(), d.event().type().wireName(),
          d.event().reservation().toString(), d.state().name(), d.attempts(), d.event().occurredAt(), d.dueAt(),
          d.last() == null ? null : d.last().at(), d.last() == null ? null : d.last().status(),
          d.last() == null ? null : d.last().error(), d.last() == null ? null : d.last().duration().toMillis());
    }
  }

  record DeliveriesView(List<DeliveryView> deliveries) {}
}
