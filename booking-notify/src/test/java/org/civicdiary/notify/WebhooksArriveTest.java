/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.OPERATOR;
import static org.civicdiary.notify.Town.TUESDAY_16;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookDelivery;
import org.civicdiary.booking.model.WebhookDeliveryState;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.WebhookEndpointChange;
import org.civicdiary.booking.usecase.WebhookSecretIssued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed events reach a real HTTP receiver, in order per reservation, even when it is away for a while. */
class WebhooksArriveTest {
  static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null);
  static final List<String> ALL = List.of("reservation.created", "reservation.moved", "reservation.cancelled",
      "reservation.displaced", "reservation.completed", "reservation.no_show");
  private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z_.]+)\"");
  private static final Pattern RESERVATION = Pattern.compile("\"data\":\\{\"id\":\"([0-9a-f-]+)\"");
  private Town town;
  private Receiver receiver;
  private WebhookWorkers dispatcher;

  @BeforeEach
  void setUp() throws Exception {
    town = new Town();
    receiver = Receiver.start();
    dispatcher = new WebhookWorkers(town.storage, town.clock, config(), new Backoff(Duration.ofSeconds(1),
        Duration.ofSeconds(10), new Random(7)));
  }

  @AfterEach
  void tearDown() {
    dispatcher.stop();
    receiver.close();
  }

  static WebhookConfig config() {
    return WebhookConfig.from(Settings.of(Map.of(
        "civicdiary.webhooks.max-attempts", "8",
        "civicdiary.webhooks.retry-initial", "PT1S",
        "civicdiary.webhooks.retry-max", "PT10S",
        "civicdiary.webhooks.poll-interval", "PT0.05S",
        "civicdiary.webhooks.request-timeout", "PT20S",
        "civicdiary.webhooks.threads", "1")));
  }

  private WebhookSecretIssued register(boolean personalData, List<String> events) {
    WebhookSecretIssued issued = town.diary.keepingWebhooks().register(ADMIN,
        new WebhookEndpointChange(receiver.url().toString(), "CRM", events, personalData, true));
    receiver.trust(issued.secret().text());
    return issued;
  }

  @Test
  void signedEventsArriveWithPersonalDataOnlyForAnEntitledEndpoint() {
    register(false, ALL);
    Reservation booked = town.bookHorse(TUESDAY_16, Language.CS).reservation();
    town.clock.set(TUESDAY_16.plusSeconds(60));
    town.diary.handlingReservations().recordOutcome(OPERATOR, booked.id(), Status.NO_SHOW);

    drain();

    List<Receiver.Arrival> arrivals = receiver.accepted();
    assertThat(arrivals).hasSize(2).allSatisfy(a -> assertThat(a.verified()).as("signature").isTrue());
    assertThat(arrivals).extracting(a -> type(a.body())).containsExactly("reservation.created", "reservation.no_show");
    String created = arrivals.get(0).body();
    assertThat(created).contains("\"id\":\"" + booked.id() + "\"", "\"official\":\"novak\"", "\"agenda\":\"id-cards\"",
        "\"start\":\"2027-03-02T15:00:00Z\"", "\"localStart\":\"2027-03-02T16:00\"", "\"timeZone\":\"Europe/Prague\"",
        "\"status\":\"ACTIVE\"", "\"channel\":\"WEB\"", "\"timestamp\":\"2027-03-01T08:00:00Z\"");
    assertThat(created).doesNotContain("citizen", "kun@example.cz", Town.HORSE);
    assertThat(arrivals.get(1).timestamp()).isEqualTo(TUESDAY_16.plusSeconds(60).getEpochSecond());

    receiver.distrustAll();
    WebhookSecretIssued entitled = town.diary.keepingWebhooks().register(ADMIN,
        new WebhookEndpointChange(receiver.url().toString(), null, List.of("reservation.created"), true, true));
    receiver.trust(entitled.secret().text());
    town.clock.set(Town.MONDAY_MORNING);
    byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(15)), "Jiří \"Jirka\" Černý", "Pas\npro dítě");
    drain();
    // The two endpoints' copies go out at once, in either order; the entitled one's secret verifies its copy.
    List<Receiver.Arrival> copies = receiver.accepted().subList(2, receiver.accepted().size());
    assertThat(copies).hasSize(2).filteredOn(a -> !a.verified()).singleElement()
        .satisfies(other -> assertThat(other.body()).doesNotContain("citizen", "Černý"));
    Receiver.Arrival personal = copies.stream().filter(Receiver.Arrival::verified).findFirst().orElseThrow();
    assertThat(personal.body()).contains("\"citizen\":{\"name\":\"Jiří \\\"Jirka\\\" Černý\",\"email\":null",
        "\"topic\":\"Pas\\npro dítě\"");
    assertThat(receiver.accepted()).as("the other endpoint got its copy too, signed with its own secret")
        .hasSize(4).filteredOn(Receiver.Arrival::verified).hasSize(3);
  }

  @Test
  void whenTheReceiverIsDownForAWhileEveryEventArrivesInOrderPerReservation() {
    register(false, ALL);
    receiver.answer(503);
    Reservation a = town.book(TUESDAY_16, "A", "a@example.cz", "A", Language.CS).reservation();
    Reservation b = byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(15)), "B", "B");
    Reservation c = town.book(TUESDAY_16.plus(Duration.ofMinutes(30)), "C", "c@example.cz", "C", Language.CS)
        .reservation();
    town.diary.handlingReservations().move(OPERATOR, a.id(), Town.DVORAKOVA, TUESDAY_16, "Přesun");
    town.diary.handlingReservations().cancel(OPERATOR, b.id(), "Zrušeno");
    town.diary.handlingReservations().move(OPERATOR, c.id(), Town.NOVAK, TUESDAY_16.plus(Duration.ofMinutes(45)),
        "Přesun");
    town.diary.handlingReservations().cancel(OPERATOR, c.id(), "Zrušeno");

    for (int round = 1; round <= 4; round++) {
      assertThat(dispatcher.dispatchOnce()).as("the first event of each reservation, nothing behind it")
          .isEqualTo(3);
      assertThat(dispatcher.dispatchOnce()).as("not due again before the back-off").isZero();
      town.clock.advance(Duration.ofSeconds(10));
    }
    assertThat(receiver.accepted()).isEmpty();
    assertThat(receiver.arrivals()).hasSize(12);
    receiver.answer(200);

    drain();

    List<Receiver.Arrival> accepted = receiver.accepted();
    assertThat(accepted).hasSize(7).allSatisfy(a2 -> assertThat(a2.verified()).isTrue());
    assertThat(accepted.stream().map(Receiver.Arrival::id).collect(Collectors.toSet())).hasSize(7);
    Map<String, List<String>> byReservation = new LinkedHashMap<>();
    accepted.forEach(x -> byReservation.computeIfAbsent(reservation(x.body()), k -> new java.util.ArrayList<>())
        .add(type(x.body())));
    assertThat(byReservation).containsOnlyKeys(a.id().toString(), b.id().toString(), c.id().toString());
    assertThat(byReservation.get(a.id().toString())).containsExactly("reservation.created", "reservation.moved");
    assertThat(byReservation.get(b.id().toString())).containsExactly("reservation.created", "reservation.cancelled");
    assertThat(byReservation.get(c.id().toString()))
        .containsExactly("reservation.created", "reservation.moved", "reservation.cancelled");
    Set<String> retriedIds = receiver.arrivals().subList(0, 3).stream().map(Receiver.Arrival::id)
        .collect(Collectors.toSet());
    assertThat(accepted.subList(0, 3).stream().map(Receiver.Arrival::id).collect(Collectors.toSet()))
        .as("a retry carries the same webhook-id").isEqualTo(retriedIds);
  }

  @Test
  void aDeliveryIsGivenUpAfterItsAttemptsShowsInTheLogAndAnAdministratorMaySendItAgain() {
    WebhookSecretIssued issued = register(false, List.of("reservation.created"));
    receiver.answer(500);
    town.bookHorse(TUESDAY_16, Language.CS);

    for (int attempt = 1; attempt <= config().maxAttempts(); attempt++) {
      assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
      town.clock.advance(Duration.ofSeconds(10));
    }
    assertThat(dispatcher.dispatchOnce()).isZero();
    WebhookDelivery givenUp = town.diary.keepingWebhooks().log(ADMIN, issued.endpoint().id(), 10).get(0);
    assertThat(givenUp.state()).isEqualTo(WebhookDeliveryState.GIVEN_UP);
    assertThat(givenUp.attempts()).isEqualTo(config().maxAttempts());
    assertThat(givenUp.last().status()).isEqualTo(500);
    assertThat(givenUp.last().error()).isEqualTo("HTTP 500");

    receiver.answer(200);
    town.diary.keepingWebhooks().retry(ADMIN, issued.endpoint().id(), givenUp.number());
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    assertThat(receiver.accepted()).singleElement().satisfies(a -> assertThat(a.verified()).isTrue());
    assertThat(town.diary.keepingWebhooks().log(ADMIN, issued.endpoint().id(), 10).get(0).state())
        .isEqualTo(WebhookDeliveryState.DELIVERED);
  }

  @Test
  void afterARotationBothSecretsSignForTheGracePeriodThenOnlyTheNewOne() {
    WebhookSecretIssued first = register(false, List.of("reservation.created"));
    WebhookSecretIssued rotated = town.diary.keepingWebhooks().rotateSecret(ADMIN, first.endpoint().id(), null);
    assertThat(rotated.secret()).isNotEqualTo(first.secret());

    town.bookHorse(TUESDAY_16, Language.CS);
    drain();
    receiver.distrustAll();
    receiver.trust(rotated.secret().text());
    town.clock.advance(Duration.ofHours(23));
    byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(15)), "B", "B");
    drain();
    town.clock.advance(Duration.ofHours(2));
    byPhone(town, TUESDAY_16.plus(Duration.ofMinutes(30)), "C", "C");
    drain();

    List<Receiver.Arrival> arrivals = receiver.accepted();
    assertThat(arrivals).hasSize(3);
    assertThat(arrivals.get(0).verified()).as("a receiver still on the old secret accepts it").isTrue();
    assertThat(arrivals.get(1).verified()).as("one on the new secret too").isTrue();
    assertThat(arrivals.get(1).signatureHeader().split(" ")).hasSize(2);
    assertThat(arrivals.get(2).signatureHeader().split(" ")).as("after 24 h the old secret signs no more")
        .hasSize(1);
    assertThat(arrivals.get(2).verified()).isTrue();
  }

  /** An operator's booking for a caller who gave no e-mail address. */
  static Reservation byPhone(Town town, Instant start, String name, String topic) {
    return town.diary.booking().bookForCaller(OPERATOR, new BookingRequest(Town.NOVAK, Town.ID_CARDS, start,
        new Citizen(name, null, "+420 777 000 111"), topic, Channel.PHONE, Language.CS)).reservation();
  }

  private void drain() {
    for (int i = 0; i < 100 && town.storage.webhooks().pendingCount() > 0; i++) {
      if (dispatcher.dispatchOnce() == 0) {
        town.clock.advance(Duration.ofSeconds(10));
      }
    }
    assertThat(town.storage.webhooks().pendingCount()).isZero();
  }

  static String type(String body) {
    Matcher m = TYPE.matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static String reservation(String body) {
    Matcher m = RESERVATION.matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
