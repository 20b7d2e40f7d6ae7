/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OutboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A second channel beside e-mail (an SMS gateway) that keeps failing: the citizen gets the e-mail
 * once, not once per retry, and the message is parked for the channel still owed.
 */
class ChannelsTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private Town town;
  private OutboxWorkers dispatcher;
  private final AtomicInteger smsAttempts = new AtomicInteger();

  @BeforeEach
  void setUp() {
    town = new Town();
    var mail = Town.smtpConfig(SMTP.getSmtp().getPort());
    Notifier sms = new Notifier() {
      @Override
      public String name() {
        return "sms";
      }

      @Override
      public void deliver(Notice notice) throws DeliveryFailed {
        smsAttempts.incrementAndGet();
        throw new DeliveryFailed("gateway answers 503");
      }
    };
    dispatcher = town.dispatcher(Town.notifyConfig(), mail, List.of(new SmtpNotifier(mail, town.clock), sms));
  }

  @AfterEach
  void tearDown() {
    dispatcher.stop();
  }

  @Test
  void aFailingChannelDoesNotResendTheOthers() throws Exception {
    town.book(TUESDAY_16, "Eva Malá", "eva@example.cz", "Občanský průkaz", Language.CS);
    int attempts = Town.notifyConfig().maxAttempts();
    for (int i = 0; i < attempts; i++) {
      dispatcher.dispatchOnce();
      town.clock.advance(Town.notifyConfig().retryMax());
    }

    assertThat(smsAttempts.get()).as("every attempt tried the SMS").isEqualTo(attempts);
    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(SMTP.getReceivedMessages()).as("the e-mail went once").hasSize(1);
    List<OutboxMessage> parked = town.storage.outbox().parked();
    assertThat(parked).hasSize(1);
    assertThat(parked.get(0).state()).isEqualTo(DeliveryState.PARKED);
    assertThat(parked.get(0).delivered()).containsExactly("smtp");
    assertThat(parked.get(0).lastError()).startsWith("sms:");
  }
}
