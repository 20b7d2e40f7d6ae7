/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Housekeeping;
import org.civicdiary.booking.usecase.HousekeepingRun;
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.MailDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portal that embeds civic-diary (README way 1) gets the housekeeping by starting the service: a
 * reservation past its office's retention period is anonymised with nothing else scheduled by the
 * host. The portal's clock for civic-diary is settable, so no real time has to pass.
 */
class EmbeddedHousekeepingTest {
  @TempDir Path data;

  @Test
  void aReservationPastItsRetentionPeriodIsAnonymisedByTheStartedService() {
    MutableClock clock = new MutableClock(SmallTownHall.MONDAY);
    Settings settings = Settings.of(Map.of(
        "civicdiary.db.url", "jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
        "civicdiary.mail.transport", "drop",
        "civicdiary.mail.drop.folder", data.resolve("mail").toString(),
        "civicdiary.notify.poll-interval", "PT0.1S",
        "civicdiary.housekeeping.interval", "PT1S"));
    Storage storage;
    CivicDiaryService service;
    try (PortalWithBooking portal = PortalWithBooking.start(0, settings,
        binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(clock))) {
      Injector injector = portal.injector();
      storage = injector.getInstance(Storage.class);
      service = injector.getInstance(CivicDiaryService.class);
      assertThat(service.running()).isTrue();
      SmallTownHall.seed(storage);
      Booked booked = SmallTownHall.book(injector.getInstance(CivicDiary.class));
      Reservation reservation = booked.reservation();
      MailDrop drop = injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {})).orElseThrow();
      SmallTownHall.waitUntil(() -> drop.newest(5).size() == 1, Duration.ofSeconds(20));
      assertThat(drop.newest(5)).as("the service's dispatcher sent the confirmation")
          .singleElement().satisfies(m -> assertThat(m.to()).contains("jan.kovar@example.cz"));

      Duration retention = Duration.ofDays(BookingPolicy.DEFAULT.retentionDays());
      clock.set(reservation.end().plus(retention).minusSeconds(60));
      HousekeepingRun early = injector.getInstance(Housekeeping.class).run();
      assertThat(early.count(HousekeepingRun.ANONYMISED_RESERVATIONS)).isZero();
      assertThat(citizenOf(storage, reservation)).isEqualTo(reservation.citizen());

      clock.set(reservation.end().plus(retention).plusSeconds(60));
      SmallTownHall.waitUntil(() -> citizenOf(storage, reservation).equals(Citizen.anonymised()), Duration.ofSeconds(20));

      Reservation anonymised = storage.reservations().find(reservation.id()).orElseThrow();
      assertThat(anonymised.topic()).isEmpty();
      assertThat(anonymised.start()).isEqualTo(reservation.start());
      assertThat(anonymised.status()).isEqualTo(reservation.status());
    }
    assertThat(service.running()).isFalse();
    assertThatThrownBy(() -> storage.outbox().pendingCount()).as("the pool closed with the portal")
        .isInstanceOf(StorageUnavailable.class);
  }

  private static Citizen citizenOf(Storage storage, Reservation reservation) {
    return storage.reservations().find(reservation.id()).orElseThrow().citizen();
  }
}
