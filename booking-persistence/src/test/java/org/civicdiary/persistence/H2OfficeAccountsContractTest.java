/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.testkit.contract.OfficeAccountsContract;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2OfficeAccountsContractTest extends OfficeAccountsContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2("office_accounts");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
