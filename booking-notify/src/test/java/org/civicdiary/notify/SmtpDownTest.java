/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.OPERATOR;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.usecase.Worklist;
import org.civicdiary.testkit.Crash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mail server is away for a while: nothing is lost, nothing is sent twice, nothing is parked early. */
@Crash
class SmtpDownTest {
  private static final int MESSAGES = 5;
  private Town town;
  private int port;
  private GreenMail server;
  private OutboxWorkers dispatcher;

  @BeforeEach
  void setUp() throws IOException {
    town = new Town();
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort(); // free now; nothing listens there until the test starts the server
    }
    dispatcher = town.smtpDispatcher(port);
    for (int i = 0; i < MESSAGES; i++) {
      town.book(TUESDAY_16.plus(Duration.ofMinutes(15L * i)), "Občan " + i, "obcan" + i + "@example.cz",
          "Téma " + i, Language.CS);
    }
  }

  @AfterEach
  void tearDown() {
    dispatcher.stop();
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void everyMessageArrivesOnceWhenTheServerComesBack() throws Exception {
    int attemptsWhileDown = Town.notifyConfig().maxAttempts() - 1;
    List<MessageId> ids = new ArrayList<>();
    for (int attempt = 1; attempt <= attemptsWhileDown; attempt++) {
      assertThat(dispatcher.dispatchOnce()).isEqualTo(MESSAGES);
      assertThat(dispatcher.dispatchOnce()).as("not due again before the back-off").isZero();
      assertThat(town.storage.outbox().parked()).isEmpty();
      assertThat(town.storage.outbox().pendingCount()).isEqualTo(2L * MESSAGES); // confirmations and reminders
      town.clock.advance(Town.notifyConfig().retryMax());
    }
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();

    assertThat(dispatcher.dispatchOnce()).isEqualTo(MESSAGES);
    assertThat(dispatcher.dispatchOnce()).isZero();

    assertThat(server.waitForIncomingEmail(5_000, MESSAGES)).isTrue();
    List<Received> received = Received.all(server.getReceivedMessages());
    assertThat(received).hasSize(MESSAGES);
    Set<String> messageIds = new HashSet<>();
    for (Received r : received) {
      messageIds.add(r.messageId());
      OutboxMessage sent = town.storage.outbox().find(MessageId.parse(r.messageId().substring(1, 37))).orElseThrow();
      assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
      assertThat(sent.attempts()).isEqualTo(attemptsWhileDown + 1);
      assertThat(sent.lastError()).startsWith("smtp: ").doesNotContain("@example.cz");
      ids.add(sent.id());
    }
    assertThat(messageIds).hasSize(MESSAGES);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(town.storage.outbox().parked()).isEmpty();
    assertThat(town.storage.outbox().pendingCount()).isEqualTo(MESSAGES); // only the reminders wait
  }

  @Test
  void afterTheLastAttemptTheMessageWaitsOnTheWorklist() throws Exception {
    int max = Town.notifyConfig().maxAttempts();
    for (int attempt = 1; attempt <= max; attempt++) {
      assertThat(town.storage.outbox().parked()).as("parked before attempt %d", attempt).isEmpty();
      assertThat(dispatcher.dispatchOnce()).isEqualTo(MESSAGES);
      town.clock.advance(Town.notifyConfig().retryMax());
    }

    Worklist worklist = town.diary.workingTheWorklist().worklist(OPERATOR);
    assertThat(worklist.undelivered()).hasSize(MESSAGES).allSatisfy(m -> {
      assertThat(m.state()).isEqualTo(DeliveryState.PARKED);
      assertThat(m.attempts()).isEqualTo(max);
      assertThat(m.lastError()).startsWith("smtp: ");
    });
    assertThat(dispatcher.dispatchOnce()).isZero();

    // An operator fixed the server and puts one back in line: it goes out.
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    OutboxMessage parked = worklist.undelivered().get(0);
    town.diary.workingTheWorklist().retryMessage(OPERATOR, parked.id());
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(new Received(server.getReceivedMessages()[0]).messageId()).contains(parked.id().toString());
    assertThat(town.diary.workingTheWorklist().worklist(OPERATOR).undelivered()).hasSize(MESSAGES - 1);
  }
}
