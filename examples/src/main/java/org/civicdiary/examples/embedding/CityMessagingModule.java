/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.civicdiary.notify.DeliveryFailed;
import org.civicdiary.notify.Notice;
import org.civicdiary.notify.Notifier;

/**
 * Embedding 2: an integrator's own channel. The city already runs a messaging service (SMS and
 * its citizens' app) behind an HTTP endpoint; this Guice module hands every notice to it as well,
 * beside or instead of e-mail. The dispatcher's retries, back-off, parking on the worklist and
 * stable Message-IDs apply to it as to e-mail.
 *
 * <pre>{@code
 * PortalWithBooking.start(8080, settings,
 *     new CityMessagingModule(URI.create("https://messaging.city.example/notices")));
 * }</pre>
 */
public final class CityMessagingModule extends AbstractModule {
  private final URI endpoint;

  public CityMessagingModule(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), Notifier.class).addBinding().toInstance(new CityMessaging(endpoint));
  }

  /** Posts each notice as JSON; the service de-duplicates by {@code messageId}. */
  static final class CityMessaging implements Notifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CityMessaging(URI endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public String name() {
      return "city-messaging";
    }

    @Override
    public void deliver(Notice notice) throws DeliveryFailed {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("messageId", notice.messageId());
      body.put("kind", notice.message().kind().name());
      body.put("language", notice.language().tag());
      body.put("email", notice.email());
      body.put("phone", notice.phone());
      body.put("subject", notice.subject());
      body.put("text", notice.text());
      body.put("manageLink", notice.manageLink());
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
          throw new DeliveryFailed("city messaging answered " + response.statusCode());
        }
      } catch (IOException e) {
        throw new DeliveryFailed("city messaging unreachable: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeliveryFailed("interrupted while sending to city messaging", e);
      }
    }
  }
}
