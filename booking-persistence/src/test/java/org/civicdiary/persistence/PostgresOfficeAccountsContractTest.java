/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.testkit.contract.OfficeAccountsContract;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

@org.civicdiary.testkit.NeedsPostgres
class PostgresOfficeAccountsContractTest extends OfficeAccountsContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("office_accounts");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
