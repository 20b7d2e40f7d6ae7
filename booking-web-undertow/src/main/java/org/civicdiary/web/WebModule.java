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
import com.google.inject.TypeLiteral;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.PasswordStrength;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.guice.ForCivicDiary;
import org.civicdiary.web.internal.api.Api;
import org.civicdiary.web.internal.staff.GuessablePasswords;

/**
 * The HTTP API for Guice. Binds the booking handler as {@code @ForCivicDiary HttpHandler} ({@link
 * #HANDLER}: mount it under any path of your Undertow server, or run it with {@link
 * BookingServer}) and {@link WebSettings}, and installs the {@link CoreModule} ({@link CivicDiary}
 * over the {@link Storage} another module binds, its clock and {@link HolidayCalendar}).
 *
 * <p>Our bindings of types a host binds too carry {@link ForCivicDiary}, so a portal's own {@code
 * HttpHandler}, {@code MeterRegistry} or {@code Clock} never clash with them. Defaults a host may
 * replace with {@link OptionalBinder#setBinding()}: {@link StaffAuthenticator} (accounts and
 * sessions in the storage), {@link PasswordStrength} (zxcvbn, score 3 of 4), {@link #METERS} (Prometheus, served at {@code /metrics}; hand us your
 * registry to see our meters in it), and the handler of {@code /static/**}, bound as
 * {@code @Named("civicdiary.static") HttpHandler} (the pages in {@code org/civicdiary/web/static/}
 * on the class path).
 */
public final class WebModule extends AbstractModule {
  /** The name of the binding that serves {@code {prefix}/static/**}. */
  public static final String STATIC = "civicdiary.static";
  /** The booking handler. */
  public static final Key<HttpHandler> HANDLER = Key.get(HttpHandler.class, ForCivicDiary.class);
  /** The registry civic-diary's meters go to. */
  public static final Key<MeterRegistry> METERS = Key.get(MeterRegistry.class, ForCivicDiary.class);
  /**
   * The token buckets the nodes share when {@code civicdiary.web.rate.shared} is on: the
   * persistence module binds them on PostgreSQL; unbound, sharing is refused at start.
   */
  public static final Key<ProxyManager<Long>> SHARED_BUCKETS =
      Key.get(new TypeLiteral<ProxyManager<Long>>() {}, ForCivicDiary.class);
  private final Settings settings;
  private final CoreModule core;

  /**
   * Reads the {@code civicdiary.web.*} and {@code civicdiary.staff.*} keys when the injector is
   * created, and {@code civicdiary.housekeeping.*} now (for the core module).
   *
   * @throws org.civicdiary.booking.settings.InvalidSetting naming the key to fix
   */
  public WebModule(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.core = new CoreModule(settings);
  }

  @Override
  protected void configure() {
    install(core);
    OptionalBinder.newOptionalBinder(binder(), StaffAuthenticator.class).setDefault()
        .toProvider(BuiltInAuthenticatorProvider.class).in(Singleton.class);
    // new staff passwords must be hard to guess, not only long (a host may bind its own rule)
    OptionalBinder.newOptionalBinder(binder(), PasswordStrength.class).setDefault().to(GuessablePasswords.class)
        .in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), METERS).setDefault()
        .toProvider(() -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), Key.get(HttpHandler.class, Names.named(STATIC))).setDefault()
        .toProvider(() -> new ResourceHandler(
            new ClassPathResourceManager(WebModule.class.getClassLoader(), "org/civicdiary/web/static")))
        .in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), SHARED_BUCKETS);
  }

  @Provides
  @Singleton
  WebSettings webSettings() {
    return WebSettings.from(settings);
  }

  @Provides
  @Singleton
  @ForCivicDiary
  HttpHandler bookingHandler(WebSettings web, CivicDiary diary, Storage storage, @ForCivicDiary Clock clock,
      StaffAuthenticator authenticator, @ForCivicDiary MeterRegistry registry, @Named(STATIC) HttpHandler staticFiles,
      @ForCivicDiary Optional<ProxyManager<Long>> sharedBuckets) {
    return Api.handler(web, diary, storage, clock, authenticator, registry, staticFiles, sharedBuckets);
  }

  /** Builds the default authenticator, the core's sign-in. */
  static final class BuiltInAuthenticatorProvider implements com.google.inject.Provider<StaffAuthenticator> {
    private final CivicDiary diary;
    private final WebSettings web;

    @jakarta.inject.Inject
    BuiltInAuthenticatorProvider(CivicDiary diary, WebSettings web) {
      this.diary = diary;
      this.web = web;
    }

    @Override
    public StaffAuthenticator get() {
      return Api.builtInAuthenticator(diary, web);
    }
  }
}
