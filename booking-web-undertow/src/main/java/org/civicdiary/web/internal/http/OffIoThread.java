/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Problems;
import org.civicdiary.web.internal.problem.Refusal;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Moves the rest of the request off the I/O thread (everything after this may block: storage,
 * password hashing) and bounds its time: when the answer is not out by the deadline the client gets
 * 503 with {@code Retry-After}, and the late answer is dropped.
 *
 * <p>The body of a change is read here, on the I/O thread, before the request moves; and {@link
 * Responder} hands the answer back to the I/O thread. So the exchange starts and ends on the
 * connection's own thread: when a worker ended it, Undertow's I/O thread spun on the connection's
 * state while the worker finished (a third of the CPU samples of a booking load on 2 cores).
 */
public final class OffIoThread implements HttpHandler {
  static final Problem TIMEOUT = Problem.of(Refusal.TIMEOUT,
      "The outcome is unknown. Check before repeating a change; a booking repeated with the same "
          + "Idempotency-Key is never made twice.", null);
  /** The body as read on the I/O thread; absent when there was none to read or it was too large. */
  static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);
  /** Set when the body could not be read whole: it was larger than the limit, or the client left. */
  static final AttachmentKey<IOException> BODY_FAILED = AttachmentKey.create(IOException.class);

  private final long limitMillis;
  private final long bodyMillis;
  private final int maxBodyBytes;
  private final HttpHandler next;

  /** @param bodyTimeout the time a client has to send the whole body; a slower one loses the connection */
  public OffIoThread(Duration limit, Duration bodyTimeout, int maxBodyBytes, HttpHandler next) {
    this.limitMillis = limit.toMillis();
    this.bodyMillis = bodyTimeout.toMillis();
    this.maxBodyBytes = maxBodyBytes;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      Matched matched = exchange.getAttachment(Matched.KEY);
      int limit = matched == null ? maxBodyBytes : matched.route().bodyLimit(maxBodyBytes);
      boolean hasBody = matched != null && matched.route().changes() && !exchange.isRequestComplete()
          && exchange.getRequestContentLength() != 0 && exchange.getRequestContentLength() <= limit;
      if (hasBody) {
        // One byte over the limit fails the read, so that BodyCheck answers 413 for chunked bodies too.
        exchange.setMaxEntitySize(limit + 1L);
        // a byte every few seconds keeps each read alive: the whole body has a deadline of its own
        XnioExecutor.Key slow = exchange.getIoThread().executeAfter(
            () -> IoUtils.safeClose(exchange.getConnection()), bodyMillis, TimeUnit.MILLISECONDS);
        exchange.getRequestReceiver().receiveFullBytes((ex, bytes) -> {
          slow.remove();
          ex.putAttachment(BODY, bytes);
          ex.dispatch(this);
        }, (ex, e) -> {
          slow.remove();
          ex.putAttachment(BODY_FAILED, e);
          ex.dispatch(this);
        });
        return;
      }
      exchange.dispatch(this);
      return;
    }
    Responder.guard(exchange);
    // The late answer is written on the I/O thread, where the timer fires; a blocking exchange's
    // (a host called us from a worker) on a worker, since its sender blocks.
    XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
      if (exchange.isBlocking()) {
        exchange.getConnection().getWorker().execute(() -> expire(exchange));
      } else {
        expire(exchange);
      }
    }, limitMillis, TimeUnit.MILLISECONDS);
    try {
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
