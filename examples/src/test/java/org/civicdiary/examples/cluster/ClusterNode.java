/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.examples.server.ClockedServer;
import org.civicdiary.examples.server.StandaloneServer;

/**
 * One node of the multi-node harness, run as its own process so that it can be killed with
 * {@code kill -9}: the standalone server (web API and outbox dispatcher) from a properties file,
 * on a clock that moves in real time from a fixed instant, so that every node of a cluster, and a
 * node restarted later, shows the same time whatever today's date.
 *
 * <p>Arguments: the properties file; the fixed instant; the system time (epoch milliseconds) at
 * which the clock showed it. Prints {@value #READY} and the port once it serves; stops when its
 * standard input closes, so that no node outlives a test run that was itself killed.
 */
public final class ClusterNode {
  static final String READY = "READY";

  private ClusterNode() {}

  public static void main(String[] args) throws IOException {
    if (System.getProperty("guice_bytecode_gen_option") == null) {
      System.setProperty("guice_bytecode_gen_option", "DISABLED"); // as the server's own main: a quicker start
    }
    Settings settings = Settings.load(Path.of(args[0]));
    Duration offset = Duration.between(Instant.ofEpochMilli(Long.parseLong(args[2])), Instant.parse(args[1]));
    StandaloneServer server = ClockedServer.start(settings, Clock.offset(Clock.systemUTC(), offset));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cluster-node-shutdown"));
    System.out.println(READY + " " + server.apiUri().getPort());
    System.out.flush();
    // Until stopped or killed, or until the harness that started it is gone (its end of stdin closes).
    while (System.in.read() >= 0) {
      // nothing is sent on stdin
    }
    System.exit(0);
  }
}
