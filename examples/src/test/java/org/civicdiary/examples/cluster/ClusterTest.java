/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.civicdiary.booking.model.Office;
import org.civicdiary.examples.cluster.MixedLoad.Booked;
import org.civicdiary.examples.notify.MailTown;
import org.civicdiary.testkit.Crash;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.testkit.NeedsPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three server processes behind HAProxy on one PostgreSQL database, with the rate limits shared
 * in the database: citizens read free time, book (retrying with their idempotency key) and cancel
 * through the load balancer while one node is killed with {@code kill -9} and later started again.
 * No slot is held twice, every booking answered 201 is in the database (once, whatever the
 * retries), every confirmation goes out (those waiting at the kill within 60 s of it, at most one
 * duplicate each), and one address's bookings spread over the three nodes meet one limit in total.
 */
@NeedsPostgres
@Crash
class ClusterTest {
  private static final int OFFICIALS = 4;
  private static final int NODES = 3;
  private static final int DOOMED = 1;
  /** Bookings an hour per address: no token comes back while the test runs. */
  private static final int LIMIT = 5;
  private static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 2);
  private static final int DAYS = 10;
  /** The rate limit's day, apart from the load's. */
  private static final LocalDate LIMIT_DAY = LocalDate.of(2027, 3, 15);

  private final FreshDatabase database = FreshDatabase.postgres("cluster");
  private Cluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
    database.close();
  }

  @Test
  void aKilledNodeLosesNoBookingAndNoConfirmation() throws Exception {
    Cluster.Database db = new Cluster.Database(database.url(), database.user(), database.password());
    Cluster.seed(db, storage -> MailTown.create(storage, OFFICIALS));
    cluster = Cluster.start(db, NODES, Map.of(
        "civicdiary.web.rate.booking-per-address", LIMIT + "/PT1H",
        "civicdiary.web.rate.booking-per-email", "100/PT1H",
        "civicdiary.web.rate.queries-per-address", "1000000/PT1M"),
        List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

    MixedLoad load = new MixedLoad(cluster.uri(), MailTown.CIVIL.value(), MailTown.ID_CARDS.value(), slots(),
        FIRST_DAY.datesUntil(FIRST_DAY.plusDays(DAYS)).map(LocalDate::toString).toList());
    long killed;
    Set<UUID> waitingAtKill;
    try (load) {
      load.start(6, Duration.ofMillis(20));
      await("60 bookings before the kill", Duration.ofSeconds(60), () -> load.acknowledged() >= 60, load);

      cluster.kill(DOOMED);
      killed = System.nanoTime();
      waitingAtKill = confirmationsWaiting();
      long before = load.acknowledged();
      await("60 more bookings with a node dead", Duration.ofSeconds(60), () -> load.acknowledged() >= before + 60, load);

      cluster.restart(DOOMED);
      long served = load.servedBy(Cluster.name(DOOMED));
      await("the restarted node serves 20 requests", Duration.ofSeconds(30),
          () -> load.servedBy(Cluster.name(DOOMED)) >= served + 20, load);
    }
    assertThat(load.unexpected).as("answers no citizen should get; HAProxy: %s", cluster.balancerLog()).isEmpty();
    for (int n = 0; n < NODES; n++) {
      assertThat(load.servedBy(Cluster.name(n))).as("node %d served", n).isPositive();
    }
    assertThat(cluster.balancerLog()).as("HAProxy took the dead node out and the restarted one back")
        .anyMatch(line -> line.contains("nodes/" + Cluster.name(DOOMED) + " is DOWN"))
        .anyMatch(line -> line.contains("nodes/" + Cluster.name(DOOMED) + " is UP"));

    // (a) No slot held twice: no two active bookings of one official overlap.
    assertThat(query("""
        select a.id from reservation a join reservation b on a.official_id = b.official_id and a.id < b.id
          and a.start_at < b.end_at and b.start_at < a.end_at
        where a.status = 'ACTIVE' and b.status = 'ACTIVE'""")).as("overlapping active bookings").isEmpty();

    // (b) Every booking answered 201 is there, with its citizen; a key got one booking however often sent.
    Map<UUID, String> emails = new HashMap<>();
    Map<UUID, String> states = new HashMap<>();
    for (List<String> row : query("select id, citizen_email, status from reservation")) {
      emails.put(UUID.fromString(row.get(0)), row.get(1));
      states.put(UUID.fromString(row.get(0)), row.get(2));
    }
    assertThat(load.answers.values()).as("one booking per idempotency key").allMatch(ids -> ids.size() == 1);
    for (Booked b : load.booked) {
      assertThat(emails.get(b.reservation())).as("booking %s of key %s", b.reservation(), b.key()).isEqualTo(b.email());
    }
    Set<String> booked = new HashSet<>(emails.values());
    for (MixedLoad.RefusedAfterFailure r : load.refusedAfterFailure) {
      assertThat(booked).as("a key refused after a lost answer booked nothing").doesNotContain(r.email());
    }
    assertThat(emails).as("nothing booked that no client was told of").hasSize(load.booked.size());
    for (UUID id : load.cancelled) {
      assertThat(states.get(id)).as("cancelled %s", id).isEqualTo("CANCELLED");
    }

    // (c) Every confirmation goes out; those waiting at the kill within 60 s of it; at most twice.
    Map<UUID, UUID> confirmationOf = new HashMap<>();
    for (List<String> row : query("select reservation_id, id from outbox_message where kind = 'CONFIRMATION'")) {
      confirmationOf.put(UUID.fromString(row.get(0)), UUID.fromString(row.get(1)));
    }
    List<UUID> confirmations = load.booked.stream().map(b -> confirmationOf.get(b.reservation())).toList();
    assertThat(confirmations).as("a confirmation for each booking").doesNotContainNull();
    awaitSince(killed, "the confirmations waiting at the kill, within 60 s of it", Duration.ofSeconds(60),
        () -> sent().keySet().containsAll(waitingAtKill));
    long drained = System.nanoTime();
    await("every confirmation", Duration.ofSeconds(60), () -> sent().keySet().containsAll(confirmations), load);
    assertThat(sent().values()).as("copies of each message").allMatch(copies -> copies <= 2);
    assertThat(query("select id from outbox_message where state = 'PARKED'")).as("parked messages").isEmpty();

    // (d) One address's bookings over the three nodes: the shared limit holds in total.
    List<Integer> statuses = new ArrayList<>();
    Set<String> nodes = new HashSet<>();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 3 * LIMIT; i++) {
      String start = LIMIT_DAY.atTime(LocalTime.of(9, 0).plusMinutes(15L * i)).atZone(Office.DEFAULT_ZONE).toInstant()
          .toString();
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(cluster.uri().resolve("/api/v1/reservations"))
          .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2.1")
          .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("official", MailTown.official(0).value())
              .put("agenda", MailTown.ID_CARDS.value()).put("start", start).put("name", "Hasty Citizen")
              .put("email", "hasty-" + i + "@example.cz").put("topic", "Again").put("language", "en").toString()))
          .build(), HttpResponse.BodyHandlers.ofString());
      statuses.add(answer.statusCode());
      answer.headers().firstValue(Haproxy.SERVED_BY).ifPresent(nodes::add);
      if (answer.statusCode() == 429) {
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).path("type").asText()).endsWith("rate-limited");
      }
    }
    assertThat(nodes).as("the bookings went to every node").hasSize(NODES);
    assertThat(statuses.subList(0, LIMIT)).as("the first %d, then refused: %s", LIMIT, statuses).containsOnly(201);
    assertThat(statuses.subList(LIMIT, statuses.size())).as("after the limit: %s", statuses).containsOnly(429);

    System.out.printf("cluster: %d bookings acknowledged (%d sent again, %d refused 409, %d after a lost answer), %d "
            + "cancelled, %d reads, %d failed attempts retried, %d confirmations waiting at the kill, all sent %.1f s "
            + "after it; statuses %s, served by %s%n", load.booked.size(), load.repeats.get(), load.refused.get(),
        load.refusedAfterFailure.size(), load.cancelled.size(), load.reads.get(), load.failures.get(),
        waitingAtKill.size(), (drained - killed) / 1e9, load.statuses, load.servedBy);
  }

  /** The load's slots: every quarter hour 08:00–17:45 of ten days, for each official. */
  private static List<String[]> slots() {
    List<String[]> slots = new ArrayList<>();
    for (LocalDate day = FIRST_DAY; day.isBefore(FIRST_DAY.plusDays(DAYS)); day = day.plusDays(1)) {
      for (int q = 0; q < 40; q++) {
        String start = day.atTime(LocalTime.of(8, 0).plusMinutes(15L * q)).atZone(Office.DEFAULT_ZONE).toInstant()
            .toString();
        for (int o = 0; o < OFFICIALS; o++) {
          slots.add(new String[] {MailTown.official(o).value(), start});
        }
      }
    }
    return slots;
  }

  private Set<UUID> confirmationsWaiting() throws SQLException {
    Set<UUID> ids = new HashSet<>();
    for (List<String> row : query("select id from outbox_message where kind = 'CONFIRMATION' and state = 'PENDING'")) {
      ids.add(UUID.fromString(row.get(0)));
    }
    return ids;
  }

  /** The messages GreenMail received, by outbox id, with their copies. */
  private Map<UUID, Integer> sent() {
    Map<UUID, Integer> copies = new HashMap<>();
    try {
      for (MimeMessage message : cluster.mail().getReceivedMessages()) {
        copies.merge(UUID.fromString(message.getMessageID().substring(1, 37)), 1, Integer::sum);
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    return copies;
  }

  private List<List<String>> query(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = database.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private void await(String what, Duration limit, BooleanSupplier condition, MixedLoad load) {
    awaitSince(System.nanoTime(), () -> what + " (load: " + load.booked.size() + " booked, unexpected "
        + load.unexpected + ")", limit, condition);
  }

  private void awaitSince(long since, String what, Duration limit, BooleanSupplier condition) {
    awaitSince(since, () -> what, limit, condition);
  }

  private void awaitSince(long since, Supplier<String> what, Duration limit, BooleanSupplier condition) {
    long deadline = since + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what.get() + ": not within " + limit + "; logs in " + cluster.folder() + "; HAProxy: "
            + cluster.balancerLog());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }
}
