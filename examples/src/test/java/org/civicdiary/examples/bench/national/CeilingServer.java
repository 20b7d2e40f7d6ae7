/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.national;

import org.civicdiary.examples.bench.web.HttpLoadHarness;

/**
 * The trivial Undertow handler of {@link HttpLoadHarness} alone in a JVM, on the port given: the
 * ceiling that the national node's load is compared with (same client, same machine, same heap).
 */
public final class CeilingServer {
  private CeilingServer() {}

  public static void main(String[] args) {
    // Undertow's threads are not daemons: the JVM runs until it is stopped
    HttpLoadHarness.trivialServer(Integer.parseInt(args[0]));
  }
}
