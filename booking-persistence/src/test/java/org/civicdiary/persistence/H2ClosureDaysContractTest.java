/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.contract.ClosureDaysContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ClosureDaysContractTest extends ClosureDaysContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2("closure-days");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
