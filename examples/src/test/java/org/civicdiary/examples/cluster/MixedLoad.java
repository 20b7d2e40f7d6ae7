/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Citizens through the load balancer, from several threads: free-time reads, bookings with an
 * {@code Idempotency-Key} (each from its own address, as citizens book from their own), now and
 * then the same booking sent again, and cancellations through the manage link. A request that meets
 * an I/O error or a 5xx is sent again unchanged, with the same key and address, until it gets
 * another answer; the load records every answer to check against the database afterwards.
 */
final class MixedLoad implements AutoCloseable {
  /** A booking answered 201: its key, e-mail address, the reservation and its manage token. */
  record Booked(String key, String email, UUID reservation, String token, String address) {}

  /** A booking finally refused after at least one attempt failed: it must not have been made. */
  record RefusedAfterFailure(String key, String email, int status) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final URI base;
  private final List<String[]> slots;
  private final String department;
  private final String agenda;
  private final List<String> days;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  private final AtomicInteger bookings = new AtomicInteger();
  final Queue<Booked> booked = new ConcurrentLinkedQueue<>();
  final Queue<RefusedAfterFailure> refusedAfterFailure = new ConcurrentLinkedQueue<>();
  /** Every reservation id a key was answered with: one each, however often it was sent. */
  final Map<String, Set<UUID>> answers = new ConcurrentHashMap<>();
  final Queue<UUID> cancelled = new ConcurrentLinkedQueue<>();
  /** Answers no citizen should get here (a 429, a 400, a 5xx that lasted): each with what was asked. */
  final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
  final Map<String, AtomicLong> servedBy = new ConcurrentHashMap<>();
  final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong reads = new AtomicLong();
  final AtomicLong repeats = new AtomicLong();

  /**
   * @param slots {official, start instant} pairs to book, drawn at random so that threads collide
   * @param days the days (ISO dates) whose free time is read
   */
  MixedLoad(URI base, String department, String agenda, List<String[]> slots, List<String> days) {
    this.base = base;
    this.department = department;
    this.agenda = agenda;
    this.slots = slots;
    this.days = days;
  }

  /** Starts {@code count} citizens' threads, each pausing {@code pause} between requests. */
  void start(int count, Duration pause) {
    for (int i = 0; i < count; i++) {
      int n = i;
      Thread thread = new Thread(() -> run(n, pause), "citizen-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  long acknowledged() {
    return booked.size();
  }

  long servedBy(String node) {
    AtomicLong n = servedBy.get(node);
    return n == null ? 0 : n.get();
  }

  private void run(int n, Duration pause) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
        .build();
    Random random = new Random(n);
    List<Booked> mine = new ArrayList<>();
    String readerAddress = "198.51.100." + (n + 1);
    try {
      while (!stopped) {
        int op = random.nextInt(10);
        if (op < 5) {
          read(http, readerAddress, days.get(random.nextInt(days.size())));
        } else if (op < 9 || mine.isEmpty()) {
          book(http, random, mine);
        } else {
          cancel(http, mine.remove(random.nextInt(mine.size())));
        }
        LockSupport.parkNanos(pause.toNanos());
      }
    } catch (RuntimeException e) {
      unexpected.add(Thread.currentThread().getName() + " stopped: " + e);
    }
  }

  private void read(HttpClient http, String address, String day) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/departments/" + department + "/slots?agenda="
        + agenda + "&from=" + day)).header("X-Forwarded-For", address).header("Accept", "application/json").GET()
        .timeout(Duration.ofSeconds(20)).build();
    Answer answer = send(http, request);
    reads.incrementAndGet();
    if (answer.status() != 200) {
      unexpected.add("free time of " + day + ": " + answer.status() + " " + answer.body());
    }
  }

  private void book(HttpClient http, Random random, List<Booked> mine) {
    int k = bookings.incrementAndGet();
    String[] slot = slots.get(random.nextInt(slots.size()));
    String key = UUID.randomUUID().toString();
    String email = "citizen-" + k + "@example.cz";
    // Its own address, so the per-address booking limit of the cluster is not what the load meets.
    String address = "198.18." + (k / 250) + "." + (k % 250 + 1);
    ObjectNode body = JSON.createObjectNode().put("official", slot[0]).put("agenda", agenda).put("start", slot[1])
        .put("name", "Citizen " + k).put("email", email).put("topic", "Cluster load " + k).put("language", "en");
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/reservations"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("Idempotency-Key", key).header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).timeout(Duration.ofSeconds(20)).build();
    Answer answer = send(http, request);
    if (answer.status() == 201) {
      JsonNode json = answer.json();
      Booked b = new Booked(key, email, UUID.fromString(json.path("reservation").path("id").asText()),
          json.path("manage").path("token").asText(), address);
      answers.computeIfAbsent(key, x -> ConcurrentHashMap.newKeySet()).add(b.reservation());
      booked.add(b);
      mine.add(b);
      if (random.nextInt(10) == 0) {
        // A client that did not trust its answer: the same request again gets the same booking.
        repeats.incrementAndGet();
        Answer again = send(http, request);
        if (again.status() == 201) {
          answers.get(key).add(UUID.fromString(again.json().path("reservation").path("id").asText()));
        } else {
          unexpected.add("the same booking sent again: " + again.status() + " " + again.body());
        }
      }
    } else if (answer.status() == 409) {
      refused.incrementAndGet();
      if (answer.failedFirst()) {
        refusedAfterFailure.add(new RefusedAfterFailure(key, email, answer.status()));
      }
    } else {
      unexpected.add("booking " + body + ": " + answer.status() + " " + answer.body());
    }
  }

  private void cancel(HttpClient http, Booked b) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/manage/" + b.token() + "/cancel"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("X-Forwarded-For", b.address()).POST(HttpRequest.BodyPublishers.ofString("{}"))
        .timeout(Duration.ofSeconds(20)).build();
    Answer answer = send(http, request);
    // A cancellation sent again after a lost answer finds the booking cancelled already.
    if (answer.status() == 200 || answer.failedFirst() && answer.status() == 409) {
      cancelled.add(b.reservation());
    } else {
      unexpected.add("cancelling " + b.reservation() + ": " + answer.status() + " " + answer.body());
    }
  }

  /** An answer, and whether an attempt before it met an I/O error or a 5xx. */
  private record Answer(int status, String body, boolean failedFirst) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  /** Sends until an answer other than an I/O error or a 5xx, for at most {@link #PATIENCE}. */
  private Answer send(HttpClient http, HttpRequest request) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    boolean failed = false;
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
        response.headers().firstValue(Haproxy.SERVED_BY)
            .ifPresent(node -> servedBy.computeIfAbsent(node, s -> new AtomicLong()).incrementAndGet());
        if (response.statusCode() < 500) {
          return new Answer(response.statusCode(), response.body(), failed);
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      failed = true;
      failures.incrementAndGet();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return new Answer(-1, "no answer but errors for " + PATIENCE + ", the last: " + last, failed);
  }

  /** Stops the threads once their current request has its answer. */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    }
  }
}
