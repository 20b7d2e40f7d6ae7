/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import org.junit.jupiter.api.BeforeAll;

/** The citizen's whole way again, on the embedded H2 database through the persistence module. */
class CitizenJourneyOnH2Test extends CitizenJourney {
  @BeforeAll
  static void start() {
    startWith(TownHallServers.onH2(folder, firstInstant()));
  }

  @Override
  String name() {
    return "h2";
  }

  /** The pages are checked on the in-memory run; this one is about the storage. */
  @Override
  boolean checkPages() {
    return false;
  }
}
