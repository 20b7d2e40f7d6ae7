package org.civicdiary.persistence;

import org.civicdiary.booking.contract.StorageContract;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresStorageContractTest extends StorageContract {
  private static TestDatabase db;

  @BeforeAll
  static void start() {
    db = TestDatabase.postgres("contract").start();
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
