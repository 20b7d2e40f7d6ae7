/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.WebModule;

/** Starts the API the way a host would (Guice and {@link WebModule}), on a free port, for tests. */
public final class TestServers {
  private TestServers() {}

  /**
   * The settings every test server starts from: a random port, mounted under {@link
   * HttpApiContract#PREFIX}, limits high enough that only tests about limits meet them, no cache.
   */
  public static Map<String, String> defaults() {
    Map<String, String> settings = new HashMap<>();
    settings.put("civicdiary.web.port", "0");
    settings.put("civicdiary.web.prefix", HttpApiContract.PREFIX);
    settings.put("civicdiary.web.public-url", "https://portal.example");
    settings.put("civicdiary.web.rate.booking-per-address", "100000/PT1S");
    settings.put("civicdiary.web.rate.booking-per-email", "100000/PT1S");
    settings.put("civicdiary.web.rate.queries-per-address", "100000/PT1S");
    settings.put("civicdiary.staff.login-per-address", "100000/PT1S");
    settings.put("civicdiary.web.rate.staff-per-address", "100000/PT1S");
    settings.put("civicdiary.web.free-time-cache", "PT0S");
    settings.put("civicdiary.web.cors-origins", "https://portal.example");
    // Off but for the tests of the proof of work, which start a server of their own with it on.
    settings.put("civicdiary.pow.max-number", "0");
    return settings;
  }

  public static BookingServer start(Storage storage, Clock clock, Map<String, String> overrides) {
    Map<String, String> settings = defaults();
    settings.putAll(overrides);
    Injector injector = Guice.createInjector(new WebModule(Settings.of(settings)), binder -> {
      binder.bind(Storage.class).toInstance(storage);
      OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(clock);
    });
    return BookingServer.start(injector);
  }
}
