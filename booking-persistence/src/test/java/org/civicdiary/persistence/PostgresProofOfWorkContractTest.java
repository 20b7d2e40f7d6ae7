/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.contract.ProofOfWorkContract;
import org.junit.jupiter.api.extension.RegisterExtension;

@org.civicdiary.testkit.NeedsPostgres
class PostgresProofOfWorkContractTest extends ProofOfWorkContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.postgres("proof_of_work");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
