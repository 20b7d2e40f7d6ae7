/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import java.nio.file.Path;
import org.civicdiary.testkit.NeedsBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a console test class shares, started once for the class: the servers on the in-memory
 * storage with the sample town hall, one headless Chromium, and the console's steps in it.
 */
@NeedsBrowser
abstract class StaffConsole {
  @TempDir
  static Path folder;
  static TownHallServers servers;
  static Browser browser;
  static ConsoleSteps console;

  @BeforeAll
  static void start() {
    servers = TownHallServers.inMemory(folder);
    browser = Browser.start(servers.clock());
    console = new ConsoleSteps(browser, servers.consoleUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    browser.close();
    servers.close();
  }
}
