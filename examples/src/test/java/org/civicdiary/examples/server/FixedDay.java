/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.testkit.contract.MutableClock;

/** The standalone server's tests run on one ordinary weekday morning, never on today's date. */
final class FixedDay {
  /** Tuesday 12 January 2027, 09:30 in Prague. */
  static final Instant NOW = Instant.parse("2027-01-12T08:30:00Z");
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  private FixedDay() {
  }

  /** The override that puts the server's clock on {@link #NOW}. */
  static List<Module> clock() {
    MutableClock clock = new MutableClock(NOW);
    return List.of(binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(clock));
  }

  static LocalDate today() {
    return LocalDate.ofInstant(NOW, PRAGUE);
  }
}
