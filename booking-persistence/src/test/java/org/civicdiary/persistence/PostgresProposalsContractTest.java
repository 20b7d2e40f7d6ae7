/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.ProposalsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deputies contract on real PostgreSQL. */
@NeedsPostgres
class PostgresProposalsContractTest extends ProposalsContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("proposals");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
