/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.testkit.Crash;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.testkit.NeedsPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node killed with {@code kill -9} in the middle of a batch, while its SMTP server hangs: another
 * node sends every one of its messages within 60 s of the kill, with the default settings (the
 * short lease that only a live node renews), and no message goes out more than twice.
 */
@NeedsPostgres
@Crash
class OutboxTakeoverTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  /** Monday 06:00 UTC, moving on in real time: the leases end as they would in production. */
  private static final Instant MONDAY = Instant.parse("2027-03-01T06:00:00Z");
  private static final int BOOKINGS = 40;
  private static final int SENT_BEFORE_THE_HANG = 6;

  private final FreshDatabase database = FreshDatabase.postgres("takeover");
  private Injector survivor;
  private Process doomed;
  private StallingSmtpProxy hanging;

  @AfterEach
  void tearDown() throws Exception {
    if (doomed != null) {
      doomed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (hanging != null) {
      hanging.close();
    }
    if (survivor != null) {
      survivor.getInstance(OutboxDispatcher.class).stop();
      survivor.getInstance(JdbcStorage.class).close();
    }
    database.close();
  }

  @Test
  void aKilledNodesMessagesGoOutWithinAMinute() throws Exception {
    Duration offset = Duration.between(Instant.now(), MONDAY);
    Clock clock = Clock.offset(Clock.systemUTC(), offset);
    survivor = NotifyNode.create(database.url(), database.user(), database.password(), SMTP.getSmtp().getPort(),
        clock);
    Storage storage = survivor.getInstance(Storage.class);
    MailTown.create(storage, 2);
    CivicDiary diary = survivor.getInstance(CivicDiary.class);
    for (int i = 0; i < BOOKINGS; i++) {
      OfficialId official = MailTown.official(i % 2);
      Instant start = Instant.parse("2027-03-02T07:00:00Z").plus(Duration.ofMinutes(15L * (i / 2)));
      diary.booking().book(new BookingRequest(official, MailTown.ID_CARDS, start,
          new Citizen("Občan Č. " + i, "obcan" + i + "@example.cz", null), "Žádost č. " + i, Channel.WEB, Language.CS));
    }

    // The doomed node claims its batches and sends through a proxy that hangs after a few messages.
    hanging = new StallingSmtpProxy(SMTP.getSmtp().getPort(), SENT_BEFORE_THE_HANG);
    List<String> output = new CopyOnWriteArrayList<>();
    doomed = start(offset, hanging.port(), output);
    long startDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (hanging.stalled.getCount() > 0) {
      assertThat(doomed.isAlive()).as("the node runs: %s", output).isTrue();
      assertThat(System.nanoTime()).as("the node sends within 60 s: %s", output).isLessThan(startDeadline);
      hanging.stalled.await(50, TimeUnit.MILLISECONDS);
    }
    assertThat(output).contains(NotifyNode.DISPATCHING);

    doomed.destroyForcibly(); // SIGKILL: no hand-back, no marks, no more renewals
    long killed = System.nanoTime();
    assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
    List<MessageId> leased = claimedNotMarked();
    assertThat(leased).as("the dead node held messages it had not marked").isNotEmpty();
    survivor.getInstance(OutboxDispatcher.class).start();

    waitFor(killed, () -> copies().size() == BOOKINGS);
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
    assertThat(takeover).as("every confirmation within 60 s of the kill").isLessThan(Duration.ofSeconds(60));
    waitFor(killed, () -> storage.outbox().pendingCount() == BOOKINGS); // only the reminders, due from 07:00

    Map<String, Integer> copies = copies();
    assertThat(copies.values()).as("at most one duplicate each").allMatch(n -> n <= 2);
    // Only what the dead node was sending when the SMTP server hung (one per thread) can go out twice.
    assertThat(copies.values().stream().filter(n -> n == 2).count()).isLessThanOrEqualTo(2);
    for (String id : copies.keySet()) {
      assertThat(storage.outbox().find(MessageId.parse(id.substring(1, 37))).orElseThrow().state())
          .isEqualTo(DeliveryState.SENT);
    }
    for (MessageId id : leased) {
      assertThat(storage.outbox().find(id).orElseThrow().attempts()).as("taken over").isEqualTo(2);
    }
    assertThat(storage.outbox().parked()).isEmpty();
  }

  private Process start(Duration offset, int smtpPort, List<String> output) throws IOException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), NotifyNode.class.getName(), database.url(),
        NotifyNode.orNone(database.user()), NotifyNode.orNone(database.password()), Integer.toString(smtpPort),
        Long.toString(offset.toMillis()))
        .redirectErrorStream(true).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          output.add(line);
        }
      } catch (IOException e) {
        // the process died
      }
    });
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  /** The messages claimed and not marked: no port lists them, so the table is asked. */
  private List<MessageId> claimedNotMarked() throws SQLException {
    List<MessageId> ids = new ArrayList<>();
    try (Connection c = database.connect();
        ResultSet rs = c.createStatement().executeQuery(
            "select id from outbox_message where state = 'PENDING' and attempts > 0")) {
      while (rs.next()) {
        ids.add(new MessageId(rs.getObject("id", UUID.class)));
      }
    }
    return ids;
  }

  private static Map<String, Integer> copies() {
    Map<String, Integer> copies = new HashMap<>();
    try {
      for (MimeMessage message : SMTP.getReceivedMessages()) {
        copies.merge(message.getMessageID(), 1, Integer::sum);
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    return copies;
  }

  private static void waitFor(long since, BooleanSupplier condition) {
    long deadline = since + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("within 60 s of the kill").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
