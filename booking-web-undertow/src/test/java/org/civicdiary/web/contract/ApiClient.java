/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small java.net.http client for the tests: JSON in, status, headers and JSON out. */
public final class ApiClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final URI base;
  private final List<String> defaultHeaders;

  public ApiClient(HttpClient http, URI base) {
    this(http, base, List.of());
  }

  private ApiClient(HttpClient http, URI base, List<String> defaultHeaders) {
    this.http = http;
    this.base = base;
    this.defaultHeaders = List.copyOf(defaultHeaders);
  }

  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The same client sending a bearer token with every request. */
  public ApiClient bearer(String token) {
    List<String> headers = new ArrayList<>(defaultHeaders);
    headers.add("Authorization");
    headers.add("Bearer " + token);
    return new ApiClient(http, base, headers);
  }

  public URI base() {
    return base;
  }

  public Response get(String path, String... headers) {
    return send("GET", path, null, null, headers);
  }

  public Response post(String path, Object body, String... headers) {
    return send("POST", path, body == null ? null : write(body), body == null ? null : "application/json", headers);
  }

  public Response put(String path, Object body, String... headers) {
    return send("PUT", path, write(body), "application/json", headers);
  }

  public Response delete(String path, String... headers) {
    return send("DELETE", path, null, null, headers);
  }

  /** Any request; {@code body} is sent as is with the content type (when not null). */
  public Response send(String method, String path, String body, String contentType, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < defaultHeaders.size(); i += 2) {
      request.header(defaultHeaders.get(i), defaultHeaders.get(i + 1));
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String write(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An answer. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
