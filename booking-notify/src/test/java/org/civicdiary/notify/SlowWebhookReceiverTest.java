/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.TUESDAY_16;

import java.time.Duration;
import java.util.Random;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.usecase.WebhookEndpointChange;
import org.civicdiary.booking.usecase.WebhookSecretIssued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A receiver that takes its time never slows the booking path: bookings only write the event. */
class SlowWebhookReceiverTest {
  private static final int BOOKINGS = 8;
  private Town town;
  private Receiver receiver;
  private WebhookWorkers dispatcher;

  @BeforeEach
  void setUp() throws Exception {
    town = new Town();
    receiver = Receiver.start();
    WebhookSecretIssued issued = town.diary.keepingWebhooks().register(WebhooksArriveTest.ADMIN,
        new WebhookEndpointChange(receiver.url().toString(), null, WebhooksArriveTest.ALL, false, true));
    receiver.trust(issued.secret().text());
    dispatcher = new WebhookWorkers(town.storage, town.clock, WebhooksArriveTest.config(),
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new Random(7)));
  }

  @AfterEach
  void tearDown() {
    dispatcher.stop();
    receiver.close();
  }

  @Test
  void bookingsCompleteWhileTheReceiverHoldsADelivery() {
    receiver.hold();
    dispatcher.start();
    town.bookHorse(TUESDAY_16, Language.CS);
    Receiver.waitFor(() -> receiver.waiting() == 1);

    long started = System.nanoTime();
    for (int i = 1; i < BOOKINGS; i++) {
      WebhooksArriveTest.byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(15L * i)), "Občan " + i, "Téma " + i);
    }
    Duration booking = Duration.ofNanos(System.nanoTime() - started);

    assertThat(receiver.waiting()).as("the receiver still holds the first delivery").isEqualTo(1);
    assertThat(receiver.arrivals()).as("nothing answered yet").isEmpty();
    assertThat(booking).as("well under the receiver's 20 s timeout").isLessThan(Duration.ofSeconds(5));
    assertThat(town.storage.webhooks().pendingCount()).isEqualTo(BOOKINGS);

    receiver.release();
    Receiver.waitFor(() -> receiver.accepted().size() == BOOKINGS);
    assertThat(receiver.accepted()).allSatisfy(a -> assertThat(a.verified()).isTrue());
  }
}
