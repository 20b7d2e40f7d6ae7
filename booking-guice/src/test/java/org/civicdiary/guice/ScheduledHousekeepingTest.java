/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.port.Chore;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.HousekeepingPeriods;
import org.junit.jupiter.api.Test;

class ScheduledHousekeepingTest {
  private static final Instant START = Instant.parse("2027-05-03T06:00:00Z");

  @Test
  void runsEveryIntervalWithCivicDiarysClockAndAFailedRunDoesNotStopTheNext() {
    MutableClock clock = new MutableClock(START);
    List<Instant> runs = new CopyOnWriteArrayList<>();
    Chore flaky = new Chore() {
      @Override
      public String name() {
        return "flaky";
      }

      @Override
      public int run(Instant now) {
        runs.add(now);
        clock.advance(Duration.ofHours(1));
        if (runs.size() == 1) {
          throw new IllegalStateException("the first run fails");
        }
        return 0;
      }
    };
    Injector injector = Guice.createInjector(new CoreModule(Settings.of(Map.of(HousekeepingPeriods.INTERVAL, "PT1S"))),
        binder -> {
          binder.bind(Storage.class).toInstance(InMemoryStorage.create());
          OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(clock);
          Multibinder.newSetBinder(binder, Chore.class).addBinding().toInstance(flaky);
        });
    CivicDiaryService service = injector.getInstance(CivicDiaryService.class);
    service.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (runs.size() < 2) {
        assertThat(System.nanoTime()).as("two runs within 20 s").isLessThan(deadline);
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    } finally {
      service.stop();
    }
    assertThat(runs.subList(0, 2)).as("each run reads civic-diary's clock")
        .containsExactly(START, START.plus(Duration.ofHours(1)));
    assertThat(service.running()).isFalse();
  }
}
