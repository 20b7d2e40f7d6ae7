/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.WeekendServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

@NeedsPostgres
class PostgresWeekendServiceContractTest extends WeekendServiceContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("weekend-service");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
