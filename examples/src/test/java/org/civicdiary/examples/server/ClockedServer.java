/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.List;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CoreModule;

/**
 * The standalone server on a given clock, for tests in other packages (the multi-node harness
 * starts each node as its own process): the overrides are this package's.
 */
public final class ClockedServer {
  private ClockedServer() {}

  public static StandaloneServer start(Settings settings, Clock clock) {
    List<Module> overrides = List.of(binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding()
        .toInstance(clock));
    return StandaloneServer.start(settings, false, null, overrides);
  }
}
