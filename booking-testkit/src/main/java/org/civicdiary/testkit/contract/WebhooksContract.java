/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookAttempt;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookDeliveryState;
import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookEvent;
import org.civicdiary.booking.model.WebhookEventType;
import org.civicdiary.booking.model.WebhookSecret;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.port.Webhooks;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every storage's {@link Webhooks} must do: events written in the change's unit of work,
 * claims in order per reservation and endpoint, never the same delivery to two claimers, the log,
 * giving up and retrying. An adapter's test extends this class.
 */
public abstract class WebhooksContract {
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Instant T0 = NOW.truncatedTo(ChronoUnit.MICROS);
  protected Storage storage;
  protected Webhooks webhooks;
  private final SecureRandom random = new SecureRandom();
  private int registered;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    webhooks = storage.webhooks();
  }

  @Test
  void endpointsKeepWhatWasSavedSecretsAndRotationIncluded() {
    WebhookEndpoint first = endpoint("https://crm.example.cz/hooks", EnumSet.of(WebhookEventType.CREATED));
    WebhookEndpoint second = endpoint("http://127.0.0.1:9000/in", EnumSet.allOf(WebhookEventType.class));
    save(first);
    save(second);
    WebhookEndpoint rotated = first.rotated(WebhookSecret.generate(random), Duration.ofHours(24), T0.plusSeconds(60));
    save(rotated);

    assertThat(webhooks.endpoints()).containsExactly(rotated, second);
    WebhookEndpoint read = webhooks.endpoint(first.id()).orElseThrow();
    assertThat(read.secret()).isEqualTo(rotated.secret()).isNotEqualTo(first.secret());
    assertThat(read.previousSecret()).isEqualTo(first.secret());
    assertThat(read.signingSecrets(T0.plusSeconds(120))).containsExactly(rotated.secret(), first.secret());
    assertThat(read.signingSecrets(T0.plus(Duration.ofHours(25)))).containsExactly(rotated.secret());
  }

  @Test
  void publishingWritesOneDeliveryPerActiveEndpointThatWantsTheType() {
    WebhookEndpoint all = save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    save(endpoint("https://b.example.cz/", EnumSet.of(WebhookEventType.CANCELLED)));
    WebhookEndpoint off = endpoint("https://c.example.cz/", EnumSet.allOf(WebhookEventType.class));
    save(off.changed(off.url(), null, off.events(), false, false, T0));

    int written = storage.transactions().inTransaction(() -> webhooks.publish(event(ReservationId.random(),
        WebhookEventType.CREATED, T0)));

    assertThat(written).isEqualTo(1);
    List<WebhookDelivery> log = webhooks.log(all.id(), 10);
    assertThat(log).singleElement().satisfies(d -> {
      assertThat(d.state()).isEqualTo(WebhookDeliveryState.PENDING);
      assertThat(d.event().type()).isEqualTo(WebhookEventType.CREATED);
      assertThat(d.attempts()).isZero();
      assertThat(d.last()).isNull();
    });
    assertThat(webhooks.pendingCount()).isEqualTo(1);
  }

  @Test
  void eventsAreWrittenInTheBookingsUnitOfWorkAndRolledBackWithIt() {
    WebhookEndpoint endpoint = save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    CivicDiary diary = CivicDiary.builder().storage(storage).clock(new MutableClock(NOW)).build();
    BookingRequest noEmail = new BookingRequest(NOVAK, Fixtures.ID_CARD, Fixtures.TUESDAY_10,
        new Citizen("Jiří Černý", null, "+420 777 000 111"), "Pas", Channel.PHONE, Language.CS);
    StaffMember operator = new StaffMember("operator", Role.OPERATOR, null);

    Reservation booked = diary.booking().bookForCaller(operator, noEmail).reservation();
    assertThatThrownBy(() -> diary.booking().bookForCaller(operator, new BookingRequest(NOVAK, Fixtures.ID_CARD,
        Fixtures.slot(1), noEmail.citizen(), "Pas", Channel.PHONE, Language.CS), b -> {
          throw new IllegalStateException("the caller's own write failed");
        })).isInstanceOf(IllegalStateException.class);
    diary.handlingReservations().cancel(operator, booked.id(), "Úředník onemocněl");

    List<WebhookDelivery> log = webhooks.log(endpoint.id(), 10);
    assertThat(log).extracting(d -> d.event().type())
        .as("the citizen gave no e-mail, yet the events go out; the rolled-back booking left none")
        .containsExactly(WebhookEventType.CANCELLED, WebhookEventType.CREATED);
    assertThat(log).allSatisfy(d -> assertThat(d.event().reservation()).isEqualTo(booked.id()));
    WebhookEvent created = log.get(1).event();
    assertThat(created.start()).isEqualTo(Fixtures.TUESDAY_10);
    assertThat(created.localStart().toLocalTime()).hasToString("10:00");
    assertThat(created.status()).isEqualTo(Status.ACTIVE);
    assertThat(log.get(0).event().status()).isEqualTo(Status.CANCELLED);
  }

  @Test
  void aPendingDeliveryHoldsUpTheLaterOnesOfItsReservationAndEndpoint() {
    WebhookEndpoint endpoint = save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    ReservationId a = ReservationId.random();
    ReservationId b = ReservationId.random();
    publish(event(a, WebhookEventType.CREATED, T0));
    publish(event(a, WebhookEventType.MOVED, T0.plusSeconds(1)));
    publish(event(b, WebhookEventType.CREATED, T0.plusSeconds(2)));
    publish(event(a, WebhookEventType.CANCELLED, T0.plusSeconds(3)));

    List<WebhookDelivery> first = claim(10, T0.plusSeconds(10));
    assertThat(first).extracting(d -> d.event().reservation()).containsExactly(a, b);
    assertThat(first).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
    assertThat(claim(10, T0.plusSeconds(11))).as("both lines are busy").isEmpty();

    WebhookDelivery aCreated = first.get(0);
    storage.transactions().run(() -> webhooks.retryLater(aCreated.number(), T0.plusSeconds(100),
        attempt(T0.plusSeconds(12), 503)));
    storage.transactions().run(() -> webhooks.delivered(first.get(1).number(), attempt(T0.plusSeconds(12), 200)));
    assertThat(claim(10, T0.plusSeconds(50))).as("a's first event waits for its retry; the rest waits behind it")
        .isEmpty();

    List<WebhookDelivery> again = claim(10, T0.plusSeconds(100));
    assertThat(again).singleElement().satisfies(d -> {
      assertThat(d.number()).isEqualTo(aCreated.number());
      assertThat(d.attempts()).isEqualTo(2);
      assertThat(d.last().status()).isEqualTo(503);
    });
    storage.transactions().run(() -> webhooks.delivered(aCreated.number(), attempt(T0.plusSeconds(101), 204)));
    WebhookDelivery moved = claim(10, T0.plusSeconds(102)).get(0);
    assertThat(moved.event().type()).isEqualTo(WebhookEventType.MOVED);
    storage.transactions().run(() -> webhooks.delivered(moved.number(), attempt(T0.plusSeconds(103), 200)));
    assertThat(claim(10, T0.plusSeconds(104))).extracting(d -> d.event().type())
        .containsExactly(WebhookEventType.CANCELLED);
    assertThat(webhooks.log(endpoint.id(), 10)).hasSize(4);
  }

  @Test
  void eachEndpointHasItsOwnLine() {
    WebhookEndpoint one = save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    WebhookEndpoint two = save(endpoint("https://b.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    ReservationId a = ReservationId.random();
    publish(event(a, WebhookEventType.CREATED, T0));
    publish(event(a, WebhookEventType.MOVED, T0.plusSeconds(1)));

    List<WebhookDelivery> claimed = claim(10, T0.plusSeconds(5));
    assertThat(claimed).extracting(WebhookDelivery::endpoint).containsExactlyInAnyOrder(one.id(), two.id());
    assertThat(claimed).allSatisfy(d -> assertThat(d.event().type()).isEqualTo(WebhookEventType.CREATED));
    assertThat(claimed.get(0).event().id()).as("one event, one webhook-id for every endpoint")
        .isEqualTo(claimed.get(1).event().id());
  }

  @Test
  void aGivenUpDeliveryLetsTheNextGoAndAnAdministratorMayRetryIt() {
    WebhookEndpoint endpoint = save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    ReservationId a = ReservationId.random();
    publish(event(a, WebhookEventType.CREATED, T0));
    publish(event(a, WebhookEventType.CANCELLED, T0.plusSeconds(1)));
    WebhookDelivery created = claim(10, T0.plusSeconds(2)).get(0);
    WebhookAttempt refused = new WebhookAttempt(T0.plusSeconds(3), null, "connection refused", Duration.ofMillis(12));
    storage.transactions().run(() -> webhooks.giveUp(created.number(), refused));

    WebhookDelivery cancelled = claim(10, T0.plusSeconds(4)).get(0);
    assertThat(cancelled.event().type()).isEqualTo(WebhookEventType.CANCELLED);
    WebhookDelivery givenUp = webhooks.delivery(created.number()).orElseThrow();
    assertThat(givenUp.state()).isEqualTo(WebhookDeliveryState.GIVEN_UP);
    assertThat(givenUp.last()).isEqualTo(refused);
    assertThat(givenUp.attempts()).isEqualTo(1);

    assertThatThrownBy(() -> storage.transactions().run(() -> webhooks.retry(cancelled.number(), T0)))
        .isInstanceOf(StateConflict.class);
    assertThatThrownBy(() -> storage.transactions().run(() -> webhooks.retry(Long.MAX_VALUE, T0)))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> storage.transactions().run(() -> webhooks.delivered(Long.MAX_VALUE, refused)))
        .isInstanceOf(NotFound.class);

    storage.transactions().run(() -> webhooks.delivered(cancelled.number(), attempt(T0.plusSeconds(5), 200)));
    storage.transactions().run(() -> webhooks.retry(created.number(), T0.plusSeconds(60)));
    assertThat(webhooks.delivery(created.number()).orElseThrow()).satisfies(d -> {
      assertThat(d.state()).isEqualTo(WebhookDeliveryState.PENDING);
      assertThat(d.attempts()).isZero();
      assertThat(d.dueAt()).isEqualTo(T0.plusSeconds(60));
    });
    assertThat(claim(10, T0.plusSeconds(60))).extracting(WebhookDelivery::number).containsExactly(created.number());
    assertThat(webhooks.log(endpoint.id(), 1)).extracting(WebhookDelivery::number).containsExactly(cancelled.number());
  }

  @Test
  void housekeepingRemovesFinishedDeliveriesOnlyAndDeletingAnEndpointRemovesItsLog() {
    WebhookEndpoint endpoint = save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    for (int i = 0; i < 3; i++) {
      publish(event(ReservationId.random(), WebhookEventType.CREATED, T0));
    }
    List<WebhookDelivery> claimed = claim(10, T0);
    storage.transactions().run(() -> webhooks.delivered(claimed.get(0).number(), attempt(T0, 200)));
    storage.transactions().run(() -> webhooks.giveUp(claimed.get(1).number(), attempt(T0, 500)));
    storage.transactions().run(() -> webhooks.retryLater(claimed.get(2).number(), T0.plusSeconds(30),
        attempt(T0, 500)));

    assertThat(storage.transactions().inTransaction(() -> webhooks.removeFinishedBefore(T0))).isZero();
    assertThat(storage.transactions().inTransaction(() -> webhooks.removeFinishedBefore(T0.plusSeconds(1))))
        .isEqualTo(2);
    assertThat(webhooks.log(endpoint.id(), 10)).extracting(WebhookDelivery::number)
        .containsExactly(claimed.get(2).number());

    assertThat(storage.transactions().inTransaction(() -> webhooks.delete(endpoint.id()))).isTrue();
    assertThat(webhooks.endpoint(endpoint.id())).isEmpty();
    assertThat(webhooks.pendingCount()).isZero();
    assertThat(storage.transactions().inTransaction(() -> webhooks.delete(endpoint.id()))).isFalse();
  }

  @Test
  void concurrentClaimersNeverGetTheSameDelivery() throws Exception {
    save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    int events = 300;
    storage.transactions().run(() -> {
      for (int i = 0; i < events; i++) {
        webhooks.publish(event(ReservationId.random(), WebhookEventType.CREATED, T0));
      }
    });
    int threads = 8;
    List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          List<WebhookDelivery> batch;
          do {
            batch = storage.transactions().inTransaction(() -> webhooks.claim(7, T0.plusSeconds(1), LEASE));
            batch.forEach(d -> claimed.add(d.number()));
          } while (!batch.isEmpty());
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    Set<Long> distinct = new HashSet<>(claimed);
    assertThat(claimed).hasSize(events);
    assertThat(distinct).hasSize(events);
  }

  @Test
  void aBatchsOutcomesMayBeRecordedInOneUnitOfWorkAMissingDeliverySpoilingNone() {
    WebhookEndpoint endpoint = save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    List<ReservationId> lines = List.of(ReservationId.random(), ReservationId.random(), ReservationId.random());
    for (ReservationId r : lines) {
      publish(event(r, WebhookEventType.CREATED, T0));
    }
    for (ReservationId r : lines) {
      publish(event(r, WebhookEventType.CANCELLED, T0.plusSeconds(1)));
    }
    List<WebhookDelivery> batch = claim(10, T0.plusSeconds(2));
    assertThat(batch).as("one delivery per line").extracting(d -> d.event().reservation())
        .containsExactlyElementsOf(lines);
    List<String> missing = new ArrayList<>();

    storage.transactions().run(() -> {
      webhooks.delivered(batch.get(0).number(), attempt(T0.plusSeconds(3), 204));
      try {
        webhooks.delivered(Long.MAX_VALUE, attempt(T0.plusSeconds(3), 204));
      } catch (NotFound e) {
        missing.add("its endpoint was deleted meanwhile");
      }
      webhooks.retryLater(batch.get(1).number(), T0.plusSeconds(60), attempt(T0.plusSeconds(3), 503));
      webhooks.giveUp(batch.get(2).number(), attempt(T0.plusSeconds(3), 500));
    });

    assertThat(missing).hasSize(1);
    assertThat(webhooks.log(endpoint.id(), 10)).filteredOn(d -> d.event().type() == WebhookEventType.CREATED)
        .extracting(WebhookDelivery::state).containsExactly(WebhookDeliveryState.GIVEN_UP,
            WebhookDeliveryState.PENDING, WebhookDeliveryState.DELIVERED);
    assertThat(claim(10, T0.plusSeconds(4))).as("the retried line waits; the delivered and the given-up go on")
        .extracting(d -> d.event().reservation()).containsExactly(lines.get(0), lines.get(2));
  }

  @Test
  void twoDispatchersClaimingAtOnceNeverDeliverAnEventTwiceNorOutOfOrder() throws Exception {
    save(endpoint("https://a.example.cz/", EnumSet.allOf(WebhookEventType.class)));
    List<ReservationId> reservations = List.of(ReservationId.random(), ReservationId.random(),
        ReservationId.random(), ReservationId.random(), ReservationId.random());
    List<WebhookEvent> published = new ArrayList<>();
    // Interleaved, as changes come: every reservation's first event, then every second one…, so that
    // a claim without the order rule would take a reservation's next event while its last is in flight.
    for (int i = 0; i < 8; i++) {
      WebhookEventType type = i == 0 ? WebhookEventType.CREATED : WebhookEventType.MOVED;
      for (ReservationId r : reservations) {
        published.add(event(r, type, T0.plusMillis(i)));
      }
    }
    storage.transactions().run(() -> published.forEach(webhooks::publish));
    List<WebhookDelivery> sent = Collections.synchronizedList(new ArrayList<>());
    Map<ReservationId, Long> inFlight = new ConcurrentHashMap<>();
    List<String> twiceInFlight = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean done = new AtomicBoolean();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    // Rounds in step: both dispatchers claim, then both hold their batches unrecorded at once.
    CyclicBarrier claimed = new CyclicBarrier(2);
    CyclicBarrier recorded = new CyclicBarrier(2,
        () -> done.set(webhooks.pendingCount() == 0 || System.nanoTime() > deadline));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> dispatchers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        dispatchers.add(pool.submit(() -> {
          while (!done.get()) {
            List<WebhookDelivery> batch = storage.transactions().inTransaction(
                () -> webhooks.claim(3, T0.plusSeconds(1), LEASE));
            claimed.await(1, TimeUnit.MINUTES);
            for (WebhookDelivery d : batch) {
              Long other = inFlight.putIfAbsent(d.event().reservation(), d.number());
              if (other != null) {
                twiceInFlight.add(other + " and " + d.number());
              }
            }
            claimed.await(1, TimeUnit.MINUTES);
            sent.addAll(batch);
            storage.transactions().run(() -> batch.forEach(d -> webhooks.delivered(d.number(),
                attempt(T0.plusSeconds(2), 204))));
            batch.forEach(d -> inFlight.remove(d.event().reservation(), d.number()));
            recorded.await(1, TimeUnit.MINUTES);
          }
          return null;
        }));
      }
      for (Future<?> f : dispatchers) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(twiceInFlight).as("deliveries of one reservation claimed at once").isEmpty();
    assertThat(sent).extracting(WebhookDelivery::number).doesNotHaveDuplicates().hasSize(published.size());
    for (ReservationId r : reservations) {
      assertThat(sent).filteredOn(d -> d.event().reservation().equals(r)).extracting(d -> d.event().id())
          .as("reservation %s", r).containsExactlyElementsOf(published.stream()
              .filter(e -> e.reservation().equals(r)).map(WebhookEvent::id).toList());
    }
  }

  private WebhookEndpoint endpoint(String url, Set<WebhookEventType> events) {
    // A second apart, so that the order of creation is plain.
    return WebhookEndpoint.register(URI.create(url), "CRM", events, false, true, WebhookSecret.generate(random),
        T0.plusSeconds(registered++));
  }

  private WebhookEndpoint save(WebhookEndpoint endpoint) {
    storage.transactions().run(() -> webhooks.save(endpoint));
    return endpoint;
  }

  private void publish(WebhookEvent event) {
    storage.transactions().run(() -> webhooks.publish(event));
  }

  private List<WebhookDelivery> claim(int max, Instant now) {
    return storage.transactions().inTransaction(() -> webhooks.claim(max, now, LEASE));
  }

  private static WebhookAttempt attempt(Instant at, int status) {
    return new WebhookAttempt(at, status, status / 100 == 2 ? null : "HTTP " + status, Duration.ofMillis(7));
  }

  private static WebhookEvent event(ReservationId reservation, WebhookEventType type, Instant at) {
    Reservation r = Fixtures.reservation(NOVAK, Fixtures.TUESDAY_10, "event@example.cz");
    return new WebhookEvent("msg_" + java.util.UUID.randomUUID().toString().replace("-", ""), type, reservation,
        r.department(), r.official(), r.agenda(), r.start(), r.end(), Fixtures.office().zone(), r.status(),
        r.channel(), at);
  }
}
