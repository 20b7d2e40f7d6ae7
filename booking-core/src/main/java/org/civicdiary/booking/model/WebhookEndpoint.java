/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.civicdiary.booking.error.InvalidInput;

/**
 * An integrator's endpoint that receives signed reservation events. During a secret rotation's
 * grace period the previous secret signs too, so that the receiver may switch keys at its own pace.
 *
 * @param description the administrator's note (whose system it is), or null
 * @param personalData whether payloads carry the citizen's name, contact and topic
 * @param active whether new events are written for it (an inactive one keeps its log)
 * @param previousSecret the secret before the last rotation, or null
 * @param previousSecretUntil until when the previous secret still signs, or null
 */
public record WebhookEndpoint(
    WebhookEndpointId id,
    URI url,
    String description,
    Set<WebhookEventType> events,
    boolean personalData,
    boolean active,
    WebhookSecret secret,
    WebhookSecret previousSecret,
    Instant previousSecretUntil,
    Instant createdAt,
    Instant updatedAt) {
  public static final int URL_LIMIT = 2000;
  public static final int DESCRIPTION_LIMIT = 200;
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  public WebhookEndpoint {
    Check.present("id", id);
    url = url(Check.present("url", url).toString());
    description = Check.optionalLine("description", description, DESCRIPTION_LIMIT);
    if (events == null || events.isEmpty()) {
      throw new InvalidInput("events", "must name at least one event type");
    }
    events = Collections.unmodifiableSet(EnumSet.copyOf(events));
    Check.present("secret", secret);
    if ((previousSecret == null) != (previousSecretUntil == null)) {
      throw new InvalidInput("previousSecretUntil", "is set exactly when there is a previous secret");
    }
    Check.present("createdAt", createdAt);
    Check.present("updatedAt", updatedAt);
  }

  /**
   * Checks a receiver's address: HTTPS, or plain HTTP to this machine only (127.0.0.0/8, ::1,
   * localhost), since events travel in the clear otherwise; no credentials in the address (they
   * would show in the console and logs), no fragment.
   *
   * @throws InvalidInput (field {@code url}) saying what is wrong
   */
  public static URI url(String text) {
    String value = Check.line("url", text, URL_LIMIT);
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidInput("url", "is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidInput("url", "must be an absolute https:// URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidInput("url", "must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidInput("url", "must not have a fragment");
    }
    if (scheme.equals("http")) {
      if (!isLoopback(uri.getHost())) {
        throw new InvalidInput("url", "must use https (plain http only to 127.0.0.1, ::1 or localhost)");
      }
    } else if (!scheme.equals("https")) {
      throw new InvalidInput("url", "must use https");
    }
    return uri;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
  }

  /** A new endpoint with a fresh secret. */
  public static WebhookEndpoint register(URI url, String description, Set<WebhookEventType> events,
      boolean personalData, boolean active, WebhookSecret secret, Instant now) {
    return new WebhookEndpoint(WebhookEndpointId.random(), url, description, events, personalData, active, secret,
        null, null, now, now);
  }

  /** The same endpoint with the administrator's changes; the secrets stay. */
  public WebhookEndpoint changed(URI newUrl, String newDescription, Set<WebhookEventType> newEvents,
      boolean newPersonalData, boolean newActive, Instant now) {
    return new WebhookEndpoint(id, newUrl, newDescription, newEvents, newPersonalData, newActive, secret,
        previousSecret, previousSecretUntil, createdAt, now);
  }

  /** Signs with the new secret from now, and with the current one too for the grace period. */
  public WebhookEndpoint rotated(WebhookSecret newSecret, Duration grace, Instant now) {
    boolean overlap = !grace.isZero() && !grace.isNegative();
    return new WebhookEndpoint(id, url, description, events, personalData, active, newSecret,
        overlap ? secret : null, overlap ? now.plus(grace) : null, createdAt, now);
  }

  /** The secrets a delivery made at {@code now} is signed with: the current one first. */
  public List<WebhookSecret> signingSecrets(Instant now) {
    List<WebhookSecret> secrets = new ArrayList<>(List.of(secret));
    if (previousSecret != null && now.isBefore(previousSecretUntil)) {
      secrets.add(previousSecret);
    }
    return List.copyOf(secrets);
  }

  public boolean wants(WebhookEventType type) {
    return active && events.contains(type);
  }

  /** Without the secrets: for the audit log. */
  @Override
  public String toString() {
    return "WebhookEndpoint[id=" + id + ", url=" + url + ", events=" + events + ", personalData=" + personalData
        + ", active=" + active + (previousSecretUntil == null ? "" : ", previousSecretUntil=" + previousSecretUntil)
        + "]";
  }
}
