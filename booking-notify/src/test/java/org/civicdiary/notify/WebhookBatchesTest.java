/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.OPERATOR;
import static org.civicdiary.notify.Town.TUESDAY_16;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookDeliveryState;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.port.Transactions;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.WebhookEndpointChange;
import org.civicdiary.booking.usecase.WebhookSecretIssued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A claimed batch goes out at once, up to the parallel requests per endpoint, and is recorded in
 * one unit of work; several dispatchers on one storage keep each reservation's events in order.
 */
class WebhookBatchesTest {
  private Town town;
  private Receiver receiver;
  private WebhookSecretIssued issued;
  private final List<WebhookWorkers> dispatchers = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    town = new Town();
    receiver = Receiver.start();
    issued = town.diary.keepingWebhooks().register(WebhooksArriveTest.ADMIN,
        new WebhookEndpointChange(receiver.url().toString(), null, WebhooksArriveTest.ALL, false, true));
    receiver.trust(issued.secret().text());
  }

  @AfterEach
  void tearDown() {
    receiver.release();
    dispatchers.forEach(WebhookWorkers::stop);
    receiver.close();
  }

  private WebhookWorkers dispatcher(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(Map.of(
        "civicdiary.webhooks.poll-interval", "PT0.05S",
        "civicdiary.webhooks.retry-initial", "PT1S",
        "civicdiary.webhooks.retry-max", "PT10S"));
    all.putAll(settings);
    WebhookWorkers dispatcher = new WebhookWorkers(town.storage, town.clock, WebhookConfig.from(Settings.of(all)),
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new Random(7)));
    dispatchers.add(dispatcher);
    return dispatcher;
  }

  @Test
  void aBatchsRequestsGoOutAtOnceUpToTheParallelRequestsPerEndpoint() {
    for (int i = 0; i < 5; i++) {
      WebhooksArriveTest.byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(15L * i)), "Občan " + i, "Téma " + i);
    }
    receiver.hold();
    dispatcher(Map.of("civicdiary.webhooks.threads", "1", "civicdiary.webhooks.parallel-requests", "3")).start();

    Receiver.waitFor(() -> receiver.waiting() == 3);
    receiver.release();
    Receiver.waitFor(() -> receiver.accepted().size() == 5);

    assertThat(receiver.mostWaiting()).as("three of one batch under way at once, never more").isEqualTo(3);
    assertThat(receiver.accepted()).allSatisfy(a -> assertThat(a.verified()).isTrue());
    Receiver.waitFor(() -> town.storage.webhooks().pendingCount() == 0);
  }

  @Test
  void aBatchIsClaimedInOneUnitOfWorkAndRecordedInAnother() {
    for (int i = 0; i < 5; i++) {
      WebhooksArriveTest.byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(15L * i)), "Občan " + i, "Téma " + i);
    }
    AtomicInteger units = new AtomicInteger();
    Transactions counted = new Transactions() {
      @Override
      public <T> T inTransaction(Supplier<T> work) {
        units.incrementAndGet();
        return town.storage.transactions().inTransaction(work);
      }
    };
    Storage storage = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (proxy, method, args) -> method.getName().equals("transactions") ? counted
            : method.invoke(town.storage, args));
    WebhookWorkers dispatcher = new WebhookWorkers(storage, town.clock, WebhooksArriveTest.config(),
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new Random(7)));
    dispatchers.add(dispatcher);

    assertThat(dispatcher.dispatchOnce()).isEqualTo(5);

    assertThat(receiver.accepted()).hasSize(5);
    assertThat(town.storage.webhooks().pendingCount()).isZero();
    assertThat(units).as("one commit for the claim, one for the five outcomes").hasValue(2);
  }

  @Test
  void twoDispatchersOnOneStorageDeliverEveryEventOnceAndInOrderPerReservation() {
    List<Reservation> reservations = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      reservations.add(WebhooksArriveTest.byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(15L * i)), "Občan " + i,
          "Téma " + i));
    }
    for (Reservation r : reservations) {
      town.diary.handlingReservations().move(OPERATOR, r.id(), Town.DVORAKOVA, r.start(), "Přesun");
    }
    reservations.forEach(r -> town.diary.handlingReservations().cancel(OPERATOR, r.id(), "Zrušeno"));
    Map<String, String> small = Map.of("civicdiary.webhooks.threads", "2", "civicdiary.webhooks.batch-size", "3");

    dispatcher(small).start();
    dispatcher(small).start();
    Receiver.waitFor(() -> town.storage.webhooks().pendingCount() == 0);

    List<Receiver.Arrival> accepted = receiver.accepted();
    assertThat(accepted).hasSize(12).allSatisfy(a -> assertThat(a.verified()).isTrue());
    assertThat(accepted).extracting(Receiver.Arrival::id).doesNotHaveDuplicates();
    for (Reservation r : reservations) {
      assertThat(accepted).filteredOn(a -> WebhooksArriveTest.reservation(a.body()).equals(r.id().toString()))
          .extracting(a -> WebhooksArriveTest.type(a.body()))
          .containsExactly("reservation.created", "reservation.moved", "reservation.cancelled");
    }
  }

  @Test
  void whatCouldNotBeginBeforeTheLeaseRunsShortIsHandedBackNotSent() {
    WebhooksArriveTest.byPhone(town, TUESDAY_16, "Občan A", "Téma A");
    WebhooksArriveTest.byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(15)), "Občan B", "Téma B");
    receiver.hold();
    // The first request takes its whole timeout (2 s); the second could begin only then, later than
    // 1 s into a lease of 3 s, so it could still be under way when another node claims it again.
    WebhookWorkers dispatcher = dispatcher(Map.of("civicdiary.webhooks.parallel-requests", "1",
        "civicdiary.webhooks.request-timeout", "PT2S", "civicdiary.webhooks.lease", "PT3S"));

    assertThat(dispatcher.dispatchOnce()).isEqualTo(2);

    assertThat(receiver.mostWaiting()).isEqualTo(1);
    List<WebhookDelivery> log = town.diary.keepingWebhooks().log(WebhooksArriveTest.ADMIN, issued.endpoint().id(), 10);
    assertThat(log).allSatisfy(d -> assertThat(d.state()).isEqualTo(WebhookDeliveryState.PENDING));
    assertThat(log).extracting(d -> d.last().error()).containsExactly(
        "not sent yet: handed back before its request began", "no answer within the timeout");
    assertThat(log.get(0).dueAt()).as("due again at once").isEqualTo(town.clock.instant());
  }
}
