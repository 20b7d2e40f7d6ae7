/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.WaitingListContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The waiting-list contract on real PostgreSQL. */
@NeedsPostgres
class PostgresWaitingListContractTest extends WaitingListContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("waiting-list");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
