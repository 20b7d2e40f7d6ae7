/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.contract.WeekendServiceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2WeekendServiceContractTest extends WeekendServiceContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2("weekend-service");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
