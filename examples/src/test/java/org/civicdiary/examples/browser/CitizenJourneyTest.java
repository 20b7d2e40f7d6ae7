package org.civicdiary.examples.browser;

import org.junit.jupiter.api.BeforeAll;

/** The citizen's way on the in-memory storage. */
class CitizenJourneyTest extends CitizenJourney {
  @BeforeAll
  static void start() {
    startWith(TownHallServers.inMemory(folder));
  }

  @Override
  String name() {
    return "memory";
  }
}
