/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.ID_CARDS;
import static org.civicdiary.notify.Town.NOVAK;
import static org.civicdiary.notify.Town.OPERATOR;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages nobody should receive any more are dropped on purpose, not sent and not parked. */
class ObsoleteMessagesTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private Town town;
  private OutboxWorkers dispatcher;

  @BeforeEach
  void setUp() {
    town = new Town();
    dispatcher = town.smtpDispatcher(SMTP.getSmtp().getPort());
  }

  @AfterEach
  void tearDown() {
    dispatcher.stop();
  }

  @Test
  void noReminderForACancelledMeeting() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    town.diary.managingOwnReservation().cancel(booked.token());
    assertThat(dispatcher.dispatchOnce()).isEqualTo(2); // confirmation, cancellation
    town.clock.set(TUESDAY_16.minus(Duration.ofHours(2)));

    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);

    assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    assertThat(town.storage.outbox().pendingCount()).isZero();
    assertThat(town.storage.outbox().parked()).isEmpty();
  }

  @Test
  void aMovedMeetingGetsOnlyTheReminderOfItsNewTime() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    Instant later = TUESDAY_16.plus(Duration.ofMinutes(90));
    town.diary.managingOwnReservation().reschedule(booked.token(), NOVAK, later);
    assertThat(dispatcher.dispatchOnce()).isEqualTo(2); // confirmation, reschedule
    SMTP.purgeEmailFromAllMailboxes();
    town.clock.set(later.minus(Duration.ofHours(2)));

    assertThat(dispatcher.dispatchOnce()).isEqualTo(2); // the old reminder and the new one

    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    Received reminder = new Received(SMTP.getReceivedMessages()[0]);
    assertThat(reminder.subject()).isEqualTo("Připomínka schůzky: úterý 2. března 2027 v 17:30");
    assertThat(town.storage.outbox().pendingCount()).isZero();
  }

  @Test
  void aMessageForAReservationWithoutEmailIsDropped() {
    Booked byPhone = town.diary.booking().bookForCaller(OPERATOR, new BookingRequest(NOVAK, ID_CARDS, TUESDAY_16,
        new Citizen("Jan Volající", null, "+420 601 123 456"), "po telefonu", Channel.PHONE, Language.CS));
    OutboxMessage stray = OutboxMessage.about(byPhone.reservation(), MessageKind.CONFIRMATION, town.clock.instant(),
        town.clock.instant());
    town.storage.outbox().add(stray);

    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);

    assertThat(town.storage.outbox().find(stray.id()).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }
}
