package org.civicdiary.web.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;

/**
 * Moves the rest of the request off the I/O thread (everything after this may block: storage,
 * password hashing, reading the body) and bounds its time: when the answer is not out by the
 * deadline the client gets 503 with {@code Retry-After}, and the late answer is dropped.
 */
final class Dispatcher implements HttpHandler {
  static final Problem TIMEOUT = Problem.of(503, "timeout", "The request took too long",
      "The outcome is unknown. Check before repeating a change; a booking repeated with the same "
          + "Idempotency-Key is never made twice.", null);
  private final long limitMillis;
  private final HttpHandler next;

  Dispatcher(Duration limit, HttpHandler next) {
    this.limitMillis = limit.toMillis();
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    Responder.guard(exchange);
    XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(
        () -> exchange.getConnection().getWorker().execute(() -> expire(exchange)),
        limitMillis, TimeUnit.MILLISECONDS);
    try {
      exchange.startBlocking();
      next.handleRequest(exchange);
    } finally {
      deadline.remove();
    }
  }

  private static void expire(HttpServerExchange exchange) {
    if (!exchange.isComplete()) {
      Responder.problem(exchange, TIMEOUT, Map.of("Retry-After", Problems.RETRY_AFTER_UNAVAILABLE));
    }
  }
}
