/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import org.civicdiary.testkit.contract.OfficeAccountsContract;
import org.civicdiary.booking.port.Storage;

class InMemoryOfficeAccountsContractTest extends OfficeAccountsContract {
  @Override
  protected Storage emptyStorage() {
    return InMemoryStorage.create();
  }
}
