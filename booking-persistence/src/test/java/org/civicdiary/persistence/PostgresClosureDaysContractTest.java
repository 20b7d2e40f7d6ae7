/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.ClosureDaysContract;
import org.junit.jupiter.api.extension.RegisterExtension;

@NeedsPostgres
class PostgresClosureDaysContractTest extends ClosureDaysContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("closure-days");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
