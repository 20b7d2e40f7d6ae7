/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CoreModule;

/**
 * The standalone server on a given clock, for tests and benchmarks in other packages (the
 * multi-node harness's nodes, the national benchmark's node): the start with Guice overrides is
 * this package's. As a program, {@code ClockedServer 2027-03-01T06:00:00Z [server options]} runs
 * the server in a JVM of its own with its clock moving in real time from that instant.
 */
public final class ClockedServer {
  private ClockedServer() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: ClockedServer INSTANT [--config FILE] [--demo] [--import FILE]");
      System.exit(2);
    }
    // as StandaloneServer.main: no generated classes for objects made once
    if (System.getProperty("guice_bytecode_gen_option") == null) {
      System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }
    Instant from = Instant.parse(args[0]);
    StandaloneServer.Options options = StandaloneServer.Options.parse(Arrays.copyOfRange(args, 1, args.length));
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), from));
    StandaloneServer server = StandaloneServer.start(options.settings(), options.demo(), options.importFile(),
        overrides(clock));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "civic-diary-shutdown"));
  }

  /** Starts the server (no demo data, no import) on the clock. */
  public static StandaloneServer start(Settings settings, Clock clock) {
    return StandaloneServer.start(settings, false, null, overrides(clock));
  }

  private static List<Module> overrides(Clock clock) {
    return List.of(binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(clock));
  }
}
