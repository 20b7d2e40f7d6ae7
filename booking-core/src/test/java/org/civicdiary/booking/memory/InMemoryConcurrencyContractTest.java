/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import org.civicdiary.testkit.contract.ConcurrencyContract;
import org.civicdiary.booking.port.Storage;

class InMemoryConcurrencyContractTest extends ConcurrencyContract {
  @Override
  protected Storage emptyStorage() {
    return InMemoryStorage.create();
  }
}
