/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.contract.WebhooksContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2WebhooksTest extends WebhooksContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2("webhooks");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
