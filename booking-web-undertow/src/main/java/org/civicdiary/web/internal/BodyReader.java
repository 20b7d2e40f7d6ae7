package org.civicdiary.web.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Locale;

/**
 * Checks the body of a change (POST, PUT, DELETE), which {@link Dispatcher} read on the I/O
 * thread: JSON only (415 otherwise) and at most the configured size (413 otherwise, without
 * reading it when {@code Content-Length} says so).
 */
final class BodyReader implements HttpHandler {
  private final int maxBytes;
  private final HttpHandler next;

  BodyReader(int maxBytes, HttpHandler next) {
    this.maxBytes = maxBytes;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.getAttachment(Matched.KEY).route().changes()) {
      String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
      if (type != null && !isJson(type)) {
        throw unsupported(type);
      }
      long declared = exchange.getRequestContentLength();
      if (declared > maxBytes) {
        throw tooLarge();
      }
      if (exchange.getAttachment(Dispatcher.BODY_FAILED) != null) {
        throw tooLarge(); // or the client left, and then nobody reads the answer
      }
      byte[] body = exchange.getAttachment(Dispatcher.BODY);
      if (body == null) {
        body = new byte[0]; // none declared
      }
      if (body.length > maxBytes) {
        throw tooLarge();
      }
      if (body.length > 0 && type == null) {
        throw unsupported("none");
      }
      exchange.putAttachment(Call.BODY, body);
    }
    next.handleRequest(exchange);
  }

  static boolean isJson(String contentType) {
    String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return base.equals("application/json");
  }

  private HttpProblem tooLarge() {
    return new HttpProblem(Problem.of(413, "body-too-large", "The request body is too large",
        "at most " + maxBytes + " bytes", "body"));
  }

  private static HttpProblem unsupported(String type) {
    return new HttpProblem(Problem.of(415, "unsupported-media-type", "Send JSON",
        "the body must be application/json, not " + type, "Content-Type"));
  }
}
