/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.DeputiesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deputies contract on real PostgreSQL. */
@NeedsPostgres
class PostgresDeputiesContractTest extends DeputiesContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("deputies");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
