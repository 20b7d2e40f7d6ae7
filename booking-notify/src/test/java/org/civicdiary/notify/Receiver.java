/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrator's receiver on 127.0.0.1: the JDK's HTTP server, checking every signature with its
 * own code (not civic-diary's) against the secrets it was given. It answers with the status the
 * test sets, and can hold requests until released.
 */
final class Receiver implements AutoCloseable {
  /** A request as it arrived; {@code verified} when a v1 signature matched one of the secrets. */
  record Arrival(String id, long timestamp, String body, String signatureHeader, boolean verified, int answered) {}

  private final HttpServer server;
  private final List<String> secrets = new ArrayList<>();
  private final List<Arrival> arrivals = new ArrayList<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger mostWaiting = new AtomicInteger();
  private volatile int status = 204;
  private volatile CountDownLatch gate;

  private Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/hooks", this::handle);
    server.start();
  }

  static Receiver start() throws IOException {
    return new Receiver();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
  }

  /** Accepts signatures made with this secret (whsec_ form) too. */
  synchronized void trust(String secret) {
    secrets.add(secret);
  }

  synchronized void distrustAll() {
    secrets.clear();
  }

  void answer(int newStatus) {
    status = newStatus;
  }

  /** Holds every request from now until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    CountDownLatch g = gate;
    gate = null;
    if (g != null) {
      g.countDown();
    }
  }

  int waiting() {
    return waiting.get();
  }

  /** The most requests it held at once. */
  int mostWaiting() {
    return mostWaiting.get();
  }

  synchronized List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /** The requests it answered with 2xx. */
  synchronized List<Arrival> accepted() {
    return arrivals.stream().filter(a -> a.answered() / 100 == 2).toList();
  }

  /** Waits up to 10 s for the condition, failing the test otherwise. */
  static void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
    String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
    CountDownLatch g = gate;
    if (g != null) {
      mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
      try {
        g.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        waiting.decrementAndGet();
      }
    }
    int answer = status;
    synchronized (this) {
      arrivals.add(new Arrival(id, Long.parseLong(timestamp), body, signatures, verify(id, timestamp, body, signatures),
          answer));
    }
    exchange.sendResponseHeaders(answer, -1);
    exchange.close();
  }

  private synchronized boolean verify(String id, String timestamp, String body, String header) {
    if (id == null || timestamp == null || header == null) {
      return false;
    }
    byte[] content = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
    for (String secret : secrets) {
      byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())), content);
      for (String part : header.split(" ")) {
        String[] versionAndSignature = part.split(",", 2);
        if (versionAndSignature.length == 2 && versionAndSignature[0].equals("v1")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versionAndSignature[1]))) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
