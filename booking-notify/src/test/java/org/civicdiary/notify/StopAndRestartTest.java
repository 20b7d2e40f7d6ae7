/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.DVORAKOVA;
import static org.civicdiary.notify.Town.ID_CARDS;
import static org.civicdiary.notify.Town.NOVAK;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.port.Outbox;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.testkit.Crash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stopping, restarting and crashing lose nothing; a message sent again keeps its Message-ID. */
@Crash
class StopAndRestartTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final int MESSAGES = 8;
  private Town town;
  private final List<OutboxDispatcher> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    town = new Town();
    for (int i = 0; i < MESSAGES; i++) {
      OfficialId official = i % 2 == 0 ? NOVAK : DVORAKOVA;
      Instant start = TUESDAY_16.plus(Duration.ofMinutes(15L * (i / 2)));
      town.diary.booking().book(new BookingRequest(official, ID_CARDS, start,
          new Citizen("Občan " + i, "obcan" + i + "@example.cz", null), "Téma " + i,
          org.civicdiary.booking.model.Channel.WEB, Language.CS));
    }
  }

  @AfterEach
  void tearDown() {
    started.forEach(OutboxDispatcher::stop);
  }

  @Test
  void stoppedInTheMiddleOfABatchAndStartedAgain() throws Exception {
    MailConfig mail = Town.smtpConfig(SMTP.getSmtp().getPort());
    Gate gate = new Gate(new SmtpNotifier(mail, town.clock), 3);
    OutboxWorkers first = town.dispatcher(Town.notifyConfig(), mail, List.of(gate));
    started.add(first);
    first.start();
    assertThat(gate.reached.await(10, TimeUnit.SECONDS)).isTrue();

    // Stop while the third message is being sent: it is finished, the rest are handed back.
    Thread stopper = new Thread(first::stop);
    stopper.start();
    waitFor(() -> stopper.getState() == Thread.State.TIMED_WAITING || stopper.getState() == Thread.State.WAITING);
    gate.release.countDown();
    stopper.join(10_000);
    assertThat(stopper.isAlive()).isFalse();

    assertThat(SMTP.getReceivedMessages()).hasSize(3);
    assertThat(town.storage.outbox().pendingCount()).as("the rest and the reminders wait").isEqualTo(2L * MESSAGES - 3);
    assertThat(town.storage.outbox().parked()).isEmpty();

    OutboxWorkers second = town.smtpDispatcher(SMTP.getSmtp().getPort());
    started.add(second);
    second.start();
    assertThat(SMTP.waitForIncomingEmail(10_000, MESSAGES)).isTrue();
    waitFor(() -> town.storage.outbox().pendingCount() == MESSAGES);

    Map<String, Integer> copies = copiesByMessageId();
    assertThat(copies).hasSize(MESSAGES);
    assertThat(copies.values()).containsOnly(1);
    for (String id : copies.keySet()) {
      assertThat(outboxMessage(id).state()).isEqualTo(DeliveryState.SENT);
    }
  }

  @Test
  void aCrashAfterSendingResendsWithTheSameMessageIdAndAClaimOfADeadWorkerComesBack() throws Exception {
    // A worker claimed three messages and died before sending any of them.
    List<OutboxMessage> orphans = town.storage.outbox().claim(3, town.clock.instant(), Town.lease());
    assertThat(orphans).hasSize(3);
    // This one's database connection fails right after the first message went out.
    Storage flaky = withOutbox(town.storage, new MarkSentFailsOnce(town.storage.outbox()));
    MailConfig mail = Town.smtpConfig(SMTP.getSmtp().getPort());
    OutboxWorkers dispatcher = new OutboxWorkers(flaky, town.clock,
        new Composer(flaky, town.diary, town.clock, Town.notifyConfig(), mail),
        List.of(new SmtpNotifier(mail, town.clock)), Town.notifyConfig(),
        new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new java.util.Random(3)));
    started.add(dispatcher);

    assertThat(dispatcher.dispatchOnce()).isEqualTo(MESSAGES - 3);
    assertThat(SMTP.waitForIncomingEmail(5_000, MESSAGES - 3)).isTrue();
    assertThat(dispatcher.dispatchOnce()).as("leases have not ended yet").isZero();

    town.clock.advance(Town.lease().plusSeconds(1));
    assertThat(dispatcher.dispatchOnce()).as("the orphans and the unmarked one").isEqualTo(4);
    assertThat(SMTP.waitForIncomingEmail(5_000, MESSAGES + 1)).isTrue();

    Map<String, Integer> copies = copiesByMessageId();
    assertThat(copies).hasSize(MESSAGES);
    assertThat(copies.values()).containsOnly(1, 2);
    assertThat(copies.values().stream().filter(n -> n == 2)).hasSize(1);
    for (String id : copies.keySet()) {
      assertThat(outboxMessage(id).state()).isEqualTo(DeliveryState.SENT);
    }
  }

  @Test
  void aSlowChannelKeepsItsLeaseWhileItsWorkerLives() throws Exception {
    NotifyConfig shortLease = NotifyConfig.from(Settings.of(Map.of(
        "civicdiary.notify.public-base-url", "https://diar.praha6.example",
        "civicdiary.notify.poll-interval", "PT0.05S",
        "civicdiary.notify.lease", "PT0.3S",
        "civicdiary.notify.threads", "1")));
    // Leases end in real time here: the town's Monday morning, moving on as the test runs.
    long t0 = System.nanoTime();
    Clock running = new Clock() {
      @Override
      public Instant instant() {
        return town.clock.instant().plusNanos(System.nanoTime() - t0);
      }

      @Override
      public ZoneId getZone() {
        return town.clock.getZone();
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }
    };
    AtomicInteger renewals = new AtomicInteger();
    Outbox real = town.storage.outbox();
    Outbox counted = (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
        (proxy, method, args) -> {
          if (method.getName().equals("renew")) {
            renewals.incrementAndGet();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    Storage storage = withOutbox(town.storage, counted);
    MailConfig mail = Town.smtpConfig(SMTP.getSmtp().getPort());
    Gate gate = new Gate(new SmtpNotifier(mail, running), 1);
    OutboxWorkers slow = new OutboxWorkers(storage, running,
        new Composer(storage, town.diary, running, shortLease, mail), List.of(gate), shortLease,
        new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new java.util.Random(3)));
    started.add(slow);
    slow.start();
    assertThat(gate.reached.await(10, TimeUnit.SECONDS)).isTrue();

    // The first send outlasts its lease several times over; the heartbeat (every 0.1 s) keeps the claim.
    waitFor(() -> renewals.get() >= 6);
    OutboxWorkers other = new OutboxWorkers(town.storage, running,
        new Composer(town.storage, town.diary, running, shortLease, mail), List.of(new SmtpNotifier(mail, running)),
        shortLease, new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new java.util.Random(3)));
    started.add(other);
    assertThat(other.dispatchOnce()).as("nothing for another worker while the first lives").isZero();

    gate.release.countDown();
    assertThat(SMTP.waitForIncomingEmail(10_000, MESSAGES)).isTrue();
    waitFor(() -> town.storage.outbox().pendingCount() == MESSAGES); // only the reminders
    assertThat(copiesByMessageId().values()).hasSize(MESSAGES).containsOnly(1);
  }

  private static Map<String, Integer> copiesByMessageId() throws Exception {
    Map<String, Integer> copies = new HashMap<>();
    for (Received r : Received.all(SMTP.getReceivedMessages())) {
      copies.merge(r.messageId(), 1, Integer::sum);
    }
    return copies;
  }

  private OutboxMessage outboxMessage(String messageIdHeader) {
    return town.storage.outbox().find(MessageId.parse(messageIdHeader.substring(1, 37))).orElseThrow();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static Storage withOutbox(Storage s, Outbox outbox) {
    return s.toBuilder().outbox(outbox).build();
  }

  /** Lets {@code open} messages through, then holds the last one until released. */
  private static final class Gate implements Notifier {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final Notifier next;
    private final int holdAt;
    private final AtomicInteger seen = new AtomicInteger();

    Gate(Notifier next, int holdAt) {
      this.next = next;
      this.holdAt = holdAt;
    }

    @Override
    public String name() {
      return "gate";
    }

    @Override
    public void deliver(Notice notice) throws DeliveryFailed {
      if (seen.incrementAndGet() == holdAt) {
        reached.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      next.deliver(notice);
    }

    @Override
    public void close() {
      next.close();
    }
  }

  /** The outbox of a node whose database goes away once, right after a message was sent. */
  private static final class MarkSentFailsOnce implements Outbox {
    private final Outbox next;
    private final AtomicInteger marks = new AtomicInteger();

    MarkSentFailsOnce(Outbox next) {
      this.next = next;
    }

    @Override
    public void markSent(MessageId id, Instant now) {
      if (marks.incrementAndGet() == 1) {
        throw new StorageUnavailable("connection lost", new java.io.IOException("reset"));
      }
      next.markSent(id, now);
    }

    @Override
    public void add(OutboxMessage message) {
      next.add(message);
    }

    @Override
    public void markDelivered(MessageId id, String channel) {
      next.markDelivered(id, channel);
    }

    @Override
    public List<OutboxMessage> claim(int max, Instant now, Duration lease) {
      return next.claim(max, now, lease);
    }

    @Override
    public int renew(java.util.Collection<MessageId> ids, Instant now, Duration lease) {
      return next.renew(ids, now, lease);
    }

    @Override
    public void retryLater(MessageId id, Instant nextAttempt, String error) {
      next.retryLater(id, nextAttempt, error);
    }

    @Override
    public void park(MessageId id, String error) {
      next.park(id, error);
    }

    @Override
    public void release(MessageId id, Instant now) {
      next.release(id, now);
    }

    @Override
    public Optional<OutboxMessage> find(MessageId id) {
      return next.find(id);
    }

    @Override
    public int removeSentBefore(Instant cutoff) {
      return next.removeSentBefore(cutoff);
    }

    @Override
    public List<OutboxMessage> parked() {
      return next.parked();
    }

    @Override
    public long pendingCount() {
      return next.pendingCount();
    }
  }
}
