/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.contract.WaitingListContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The waiting-list contract on an H2 file database. */
class H2WaitingListContractTest extends WaitingListContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2("waiting-list");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
