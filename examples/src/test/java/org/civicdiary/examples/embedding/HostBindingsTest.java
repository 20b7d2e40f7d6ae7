/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.web.WebModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portal that already binds its own {@code Clock}, {@code MeterRegistry} and {@code HttpHandler}
 * composes with every civic-diary module: ours are qualified, so each side keeps its own.
 */
class HostBindingsTest {
  private static final Clock PORTAL_CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final MeterRegistry portalMeters = new SimpleMeterRegistry();
  private final HttpHandler portalPages = exchange -> exchange.getResponseSender().send("portal");
  @TempDir Path data;

  private Settings settings() {
    return Settings.of(Map.of(
        "civicdiary.db.url", "jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
        "civicdiary.mail.drop.folder", data.resolve("mail").toString()));
  }

  private AbstractModule portal() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(Clock.class).toInstance(PORTAL_CLOCK);
        bind(MeterRegistry.class).toInstance(portalMeters);
        bind(HttpHandler.class).toInstance(portalPages);
      }
    };
  }

  @Test
  void everyModuleComposesWithTheHostsOwnBindingsAndEachSideGetsItsOwn() {
    Settings settings = settings();
    // The core module named by the host and installed by notify and web alike is installed once.
    Injector injector = Guice.createInjector(portal(), new CoreModule(settings), new PersistenceModule(settings),
        new NotifyModule(settings), new WebModule(settings), new CoreModule(settings));
    CivicDiaryService service = injector.getInstance(CivicDiaryService.class);
    try {
      service.start();
      assertThat(injector.getInstance(Clock.class)).isSameAs(PORTAL_CLOCK);
      assertThat(injector.getInstance(CoreModule.CLOCK)).isNotSameAs(PORTAL_CLOCK).isEqualTo(Clock.systemUTC());
      assertThat(injector.getInstance(MeterRegistry.class)).isSameAs(portalMeters);
      assertThat(injector.getInstance(WebModule.METERS)).isNotSameAs(portalMeters)
          .isInstanceOf(PrometheusMeterRegistry.class);
      assertThat(injector.getInstance(HttpHandler.class)).isSameAs(portalPages);
      assertThat(injector.getInstance(WebModule.HANDLER)).isNotSameAs(portalPages)
          .isSameAs(injector.getInstance(WebModule.HANDLER));
      assertThat(injector.getInstance(CivicDiary.class)).isSameAs(injector.getInstance(CivicDiary.class));
    } finally {
      service.stop();
    }
  }

  @Test
  void aHostHandsCivicDiaryItsOwnClockAndRegistryThroughOurQualifiedBindings() {
    Settings settings = settings();
    Injector injector = Guice.createInjector(portal(), new PersistenceModule(settings), new NotifyModule(settings),
        new WebModule(settings), new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(PORTAL_CLOCK);
            OptionalBinder.newOptionalBinder(binder(), WebModule.METERS).setBinding().toInstance(portalMeters);
          }
        });
    try {
      assertThat(injector.getInstance(CoreModule.CLOCK)).isSameAs(PORTAL_CLOCK);
      assertThat(injector.getInstance(WebModule.METERS)).isSameAs(portalMeters);
      injector.getInstance(WebModule.HANDLER);
      assertThat(portalMeters.getMeters()).as("civic-diary's meters land in the portal's registry").isNotEmpty();
    } finally {
      injector.getInstance(CivicDiaryService.class).stop();
    }
  }
}
