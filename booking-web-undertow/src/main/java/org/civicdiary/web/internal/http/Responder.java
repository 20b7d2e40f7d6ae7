/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Problems;

/**
 * Writes every answer. Exactly one answer goes out per request: the action's, or the time limit's
 * when the action took too long; whoever claims the exchange first writes, the other stays silent.
 */
public final class Responder {
  static final String PROBLEM_JSON = "application/problem+json";
  /** The code of the problem answered, for the rejection metrics. */
  public static final AttachmentKey<String> PROBLEM = AttachmentKey.create(String.class);
  private static final AttachmentKey<AtomicBoolean> ANSWERED = AttachmentKey.create(AtomicBoolean.class);
  private static final String CONTENT_ENCODING = "Content-Encoding";
  private static final String VARY = "Vary";

  private Responder() {}

  /** Marks the start of a time-limited request (before it leaves the I/O thread). */
  static void guard(HttpServerExchange exchange) {
    exchange.putAttachment(ANSWERED, new AtomicBoolean());
  }

  /** Whether this caller may write the answer (true once per request). */
  static boolean claim(HttpServerExchange exchange) {
    AtomicBoolean answered = exchange.getAttachment(ANSWERED);
    return answered == null || answered.compareAndSet(false, true);
  }

  static void send(HttpServerExchange exchange, Reply reply) {
    if (!claim(exchange)) {
      return;
    }
    Reply encoded = encoded(reply, Gzip.accepted(exchange.getRequestHeaders().get(Headers.ACCEPT_ENCODING)));
    write(exchange, encoded.status(), encoded.contentType(), encoded.body(), encoded.headers());
  }

  /**
   * A large answer gzip-encoded for a client that accepts gzip, and plain for one that does not
   * (the answer cache keeps large answers compressed). Not an answer with an ETag: the feed's
   * validators name one representation, and it is small.
   */
  static Reply encoded(Reply reply, boolean acceptsGzip) {
    boolean gzipped = Gzip.ENCODING.equals(reply.headers().get(CONTENT_ENCODING));
    if (!gzipped && (reply.body().length < Gzip.THRESHOLD || reply.headers().containsKey("ETag")
        || reply.contentType() == null || !(reply.contentType().equals(Reply.JSON) || reply.contentType().startsWith("text/")))) {
      return reply;
    }
    Map<String, String> headers = new HashMap<>(reply.headers());
    headers.put(VARY, "Accept-Encoding");
    byte[] body = reply.body();
    if (acceptsGzip && !gzipped) {
      body = Gzip.compress(body);
      headers.put(CONTENT_ENCODING, Gzip.ENCODING);
    } else if (!acceptsGzip && gzipped) {
      body = reply.plain() != null ? reply.plain().get() : Gzip.decompress(body);
      headers.remove(CONTENT_ENCODING);
    }
    return new Reply(reply.status(), reply.contentType(), body, headers);
  }

  public static void problem(HttpServerExchange exchange, Throwable error) {
    Matched matched = exchange.getAttachment(Matched.KEY);
    Problems.Disclosure disclosure = matched == null ? Problems.Disclosure.FULL : matched.route().disclosure();
    Problems.Answer answer = Problems.of(error, disclosure);
    problem(exchange, answer.problem(), answer.headers());
  }

  public static void problem(HttpServerExchange exchange, Problem problem, Map<String, String> headers) {
    if (!claim(exchange)) {
      return;
    }
    if (exchange.isResponseStarted()) {
      // Too late for a clean answer: cut the connection rather than send half a body.
      exchange.setPersistent(false);
      if (exchange.isInIoThread() || exchange.isBlocking()) {
        exchange.endExchange();
      } else {
        exchange.dispatch(exchange.getIoThread(), exchange::endExchange);
      }
      return;
    }
    exchange.getResponseHeaders().remove(Headers.LOCATION);
    exchange.putAttachment(PROBLEM, problem.code());
    write(exchange, problem.status(), PROBLEM_JSON, Json.write(problem.toJson()), headers);
  }

  /** On the connection's I/O thread, so that the exchange also ends there (see {@link OffIoThread}). */
  private static void write(HttpServerExchange exchange, int status, String contentType, byte[] body,
      Map<String, String> headers) {
    // A blocking exchange (the host called us from a worker and the body was read there) is
    // answered where it is: its sender blocks, which the I/O thread must not.
    if (!exchange.isInIoThread() && !exchange.isBlocking()) {
      // dispatch, not execute: Undertow would end the exchange when the worker's handler returns.
      exchange.dispatch(exchange.getIoThread(), () -> write(exchange, status, contentType, body, headers));
      return;
    }
    exchange.setStatusCode(status);
    headers.forEach((name, value) -> {
      if (name.equals(VARY)) {
        exchange.getResponseHeaders().add(Headers.VARY, value); // beside CORS's Vary: Origin
      } else {
        exchange.getResponseHeaders().put(HttpString.tryFromString(name), value);
      }
    });
    if (contentType != null) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE,
          contentType.startsWith("text/") ? contentType + ";charset=utf-8" : contentType);
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
    if (body.length == 0) {
      exchange.endExchange();
    } else {
      exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
  }
}
