/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import java.time.Clock;
import java.util.Objects;
import org.civicdiary.booking.holidays.CzechHolidays;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.internal.Api;

/**
 * The HTTP API for Guice. Binds the booking {@link HttpHandler} (mount it under any path of your
 * Undertow server, or run it with {@link BookingServer}), {@link CivicDiary} built from the
 * {@link Storage} another module binds, and {@link WebSettings}.
 *
 * <p>Defaults a host may replace with {@link OptionalBinder#setBinding()}: {@link Clock} (the
 * system's, UTC), {@link HolidayCalendar} (Czech public holidays), {@link StaffAuthenticator}
 * (accounts and sessions in the storage), {@link MeterRegistry} (Prometheus, served at {@code
 * /metrics}), and the handler of {@code /static/**}, bound as {@code @Named("civicdiary.static")
 * HttpHandler} (the pages in {@code org/civicdiary/web/static/} on the class path).
 */
public final class WebModule extends AbstractModule {
  /** The name of the binding that serves {@code {prefix}/static/**}. */
  public static final String STATIC = "civicdiary.static";
  private final Settings settings;

  public WebModule(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
    OptionalBinder.newOptionalBinder(binder(), HolidayCalendar.class).setDefault().toInstance(CzechHolidays.create());
    OptionalBinder.newOptionalBinder(binder(), StaffAuthenticator.class).setDefault()
        .toProvider(BuiltInAuthenticatorProvider.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setDefault()
        .toProvider(() -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), Key.get(HttpHandler.class, Names.named(STATIC))).setDefault()
        .toProvider(() -> new ResourceHandler(
            new ClassPathResourceManager(WebModule.class.getClassLoader(), "org/civicdiary/web/static")))
        .in(Singleton.class);
  }

  @Provides
  @Singleton
  WebSettings webSettings() {
    return WebSettings.from(settings);
  }

  @Provides
  @Singleton
  CivicDiary civicDiary(Storage storage, Clock clock, HolidayCalendar holidays) {
    return CivicDiary.builder().storage(storage).clock(clock).holidays(holidays).build();
  }

  @Provides
  @Singleton
  HttpHandler bookingHandler(WebSettings web, CivicDiary diary, Storage storage, Clock clock,
      StaffAuthenticator authenticator, MeterRegistry registry, @Named(STATIC) HttpHandler staticFiles) {
    return Api.handler(web, diary, storage, clock, authenticator, registry, staticFiles);
  }

  /** Builds the default authenticator from the bound storage. */
  static final class BuiltInAuthenticatorProvider implements com.google.inject.Provider<StaffAuthenticator> {
    private final Storage storage;
    private final Clock clock;
    private final WebSettings web;

    @jakarta.inject.Inject
    BuiltInAuthenticatorProvider(Storage storage, Clock clock, WebSettings web) {
      this.storage = storage;
      this.clock = clock;
      this.web = web;
    }

    @Override
    public StaffAuthenticator get() {
      return Api.builtInAuthenticator(storage, clock, web);
    }
  }
}
