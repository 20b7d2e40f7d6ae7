/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.contract.HttpApiContract;

/** The HTTP contract on the in-memory storage. */
class InMemoryHttpApiTest extends HttpApiContract {
  @Override
  protected Storage createStorage() {
    return InMemoryStorage.create();
  }
}
