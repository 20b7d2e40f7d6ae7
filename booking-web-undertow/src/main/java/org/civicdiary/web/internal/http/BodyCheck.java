/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * Checks the body of a change (POST, PUT, DELETE), which {@link OffIoThread} read on the I/O
 * thread: JSON only (415 otherwise) and at most the configured size (413 otherwise, without
 * reading it when {@code Content-Length} says so).
 */
public final class BodyCheck implements HttpHandler {
  private final int configuredMax;
  private final HttpHandler next;

  public BodyCheck(int maxBytes, HttpHandler next) {
    this.configuredMax = maxBytes;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Route route = exchange.getAttachment(Matched.KEY).route();
    if (route.changes()) {
      int maxBytes = route.bodyLimit(configuredMax);
      String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
      if (type != null && !isJson(type)) {
        throw unsupported(type);
      }
      long declared = exchange.getRequestContentLength();
      if (declared > maxBytes) {
        throw tooLarge(maxBytes);
      }
      if (exchange.getAttachment(OffIoThread.BODY_FAILED) != null) {
        throw tooLarge(maxBytes); // or the client left, and then nobody reads the answer
      }
      byte[] body = exchange.getAttachment(OffIoThread.BODY);
      if (body == null) {
        // Not read on the I/O thread: none was sent, or the host called us from a worker thread.
        body = exchange.isRequestComplete() ? new byte[0] : readBlocking(exchange, maxBytes);
      }
      if (body.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      if (body.length > 0 && type == null) {
        throw unsupported("none");
      }
      exchange.putAttachment(Call.BODY, body);
    }
    next.handleRequest(exchange);
  }

  private static byte[] readBlocking(HttpServerExchange exchange, int maxBytes) throws IOException {
    if (!exchange.isBlocking()) {
      exchange.startBlocking();
    }
    InputStream in = exchange.getInputStream();
    byte[] buffer = new byte[Math.min(maxBytes + 1, 4096)];
    int n = 0;
    while (true) {
      if (n == buffer.length) {
        if (n > maxBytes) {
          throw tooLarge(maxBytes);
        }
        buffer = Arrays.copyOf(buffer, Math.min(maxBytes + 1, buffer.length * 2));
      }
      int read = in.read(buffer, n, buffer.length - n);
      if (read < 0) {
        return Arrays.copyOf(buffer, n);
      }
      n += read;
    }
  }

  public static boolean isJson(String contentType) {
    String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return base.equals("application/json");
  }

  private static HttpProblem tooLarge(int maxBytes) {
    return new HttpProblem(Problem.of(Refusal.BODY_TOO_LARGE,
        "at most " + maxBytes + " bytes", "body"));
  }

  private static HttpProblem unsupported(String type) {
    return new HttpProblem(Problem.of(Refusal.UNSUPPORTED_MEDIA_TYPE,
        "the body must be application/json, not " + type, "Content-Type"));
  }
}
