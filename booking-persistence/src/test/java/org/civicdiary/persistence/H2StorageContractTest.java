package org.civicdiary.persistence;

import org.civicdiary.booking.contract.StorageContract;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2StorageContractTest extends StorageContract {
  private static TestDatabase db;

  @BeforeAll
  static void start() {
    db = TestDatabase.h2("contract").start();
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Override
  protected Storage emptyStorage() {
    return db.emptied();
  }
}
