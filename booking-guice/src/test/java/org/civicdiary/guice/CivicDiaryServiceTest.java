/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Housekeeping;
import org.civicdiary.booking.usecase.HousekeepingPeriods;
import org.junit.jupiter.api.Test;

class CivicDiaryServiceTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();

  private Lifecycle part(Lifecycle.Phase phase, boolean failsToStart) {
    return new Lifecycle() {
      @Override
      public Phase phase() {
        return phase;
      }

      @Override
      public void start() {
        calls.add("start " + phase);
        if (failsToStart) {
          throw new IllegalStateException("cannot start " + phase);
        }
      }

      @Override
      public void stop() {
        calls.add("stop " + phase);
      }
    };
  }

  private Injector injector(Lifecycle... parts) {
    return Guice.createInjector(new CoreModule(Settings.of(Map.of())), new AbstractModule() {
      @Override
      protected void configure() {
        bind(Storage.class).toInstance(InMemoryStorage.create());
        Multibinder<Lifecycle> set = Multibinder.newSetBinder(binder(), Lifecycle.class);
        for (Lifecycle part : parts) {
          set.addBinding().toInstance(part);
        }
      }
    });
  }

  @Test
  void startsFromTheStorageUpAndStopsFromTheIntakeDownOnce() {
    CivicDiaryService service = injector(part(Lifecycle.Phase.DELIVERY, false), part(Lifecycle.Phase.STORAGE, false),
        part(Lifecycle.Phase.INTAKE, false)).getInstance(CivicDiaryService.class);

    service.start();
    service.start();
    assertThat(service.running()).isTrue();
    service.stop();
    service.stop();

    assertThat(calls).containsExactly("start STORAGE", "start DELIVERY", "start INTAKE",
        "stop INTAKE", "stop DELIVERY", "stop STORAGE");
    assertThat(service.running()).isFalse();
    assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("new injector");
  }

  @Test
  void aPartThatFailsToStartStopsThoseStartedBeforeIt() {
    CivicDiaryService service = injector(part(Lifecycle.Phase.STORAGE, false), part(Lifecycle.Phase.DELIVERY, true),
        part(Lifecycle.Phase.INTAKE, false)).getInstance(CivicDiaryService.class);

    assertThatThrownBy(service::start).hasMessage("cannot start DELIVERY");

    assertThat(calls).containsExactly("start STORAGE", "start DELIVERY", "stop STORAGE");
    assertThat(service.running()).isFalse();
  }

  @Test
  void aServiceNeverStartedStillClosesItsPartsWhenStopped() {
    CivicDiaryService service = injector(part(Lifecycle.Phase.STORAGE, false)).getInstance(CivicDiaryService.class);
    service.close();
    assertThat(calls).containsExactly("stop STORAGE");
  }

  @Test
  void theCoreModuleInstalledByEveryAdapterIsInstalledOnce() {
    Settings settings = Settings.of(Map.of(HousekeepingPeriods.INTERVAL, "PT5M"));
    Clock fixed = Clock.fixed(Instant.parse("2027-05-03T06:00:00Z"), ZoneOffset.UTC);
    Injector injector = Guice.createInjector(new CoreModule(settings), new CoreModule(settings), new AbstractModule() {
      @Override
      protected void configure() {
        install(new CoreModule(settings));
        bind(Storage.class).toInstance(InMemoryStorage.create());
        OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(fixed);
      }
    });
    assertThat(injector.getInstance(CoreModule.CLOCK)).isSameAs(fixed);
    assertThat(injector.getInstance(Housekeeping.class).periods().interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(injector.getInstance(CivicDiary.class)).isSameAs(injector.getInstance(CivicDiary.class));
    assertThat(injector.getInstance(CivicDiaryService.class)).isSameAs(injector.getInstance(CivicDiaryService.class));
    assertThat(injector.getExistingBinding(com.google.inject.Key.get(Clock.class))).as("no unqualified Clock").isNull();
  }

  @Test
  void twoCoreModulesWithDifferentPeriodsAreRefused() {
    assertThatThrownBy(() -> Guice.createInjector(new CoreModule(HousekeepingPeriods.DEFAULT),
        new CoreModule(Settings.of(Map.of(HousekeepingPeriods.INTERVAL, "PT5M"))),
        binder -> binder.bind(Storage.class).toInstance(InMemoryStorage.create())))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("HousekeepingPeriods");
  }
}
