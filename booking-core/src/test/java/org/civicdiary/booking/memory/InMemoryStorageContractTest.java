package org.civicdiary.booking.memory;

import org.civicdiary.booking.contract.StorageContract;
import org.civicdiary.booking.port.Storage;

class InMemoryStorageContractTest extends StorageContract {
  @Override
  protected Storage emptyStorage() {
    return InMemoryStorage.create();
  }
}
