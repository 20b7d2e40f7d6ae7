/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.testkit.contract.SecondFactorContract;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

@org.civicdiary.testkit.NeedsPostgres
class PostgresSecondFactorContractTest extends SecondFactorContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("second_factor");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
