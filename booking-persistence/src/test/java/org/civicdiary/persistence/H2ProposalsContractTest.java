/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.contract.ProposalsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deputies contract on an H2 file database. */
class H2ProposalsContractTest extends ProposalsContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2("proposals");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
