/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.StorageContract;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

@NeedsPostgres
class PostgresStorageContractTest extends StorageContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("contract");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
