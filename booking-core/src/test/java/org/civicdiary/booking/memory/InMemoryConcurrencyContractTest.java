package org.civicdiary.booking.memory;

import org.civicdiary.booking.contract.ConcurrencyContract;
import org.civicdiary.booking.port.Storage;

class InMemoryConcurrencyContractTest extends ConcurrencyContract {
  @Override
  protected Storage emptyStorage() {
    return InMemoryStorage.create();
  }
}
