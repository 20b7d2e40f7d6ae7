/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.memory;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.contract.ProposalsContract;

class InMemoryProposalsContractTest extends ProposalsContract {
  @Override
  protected Storage emptyStorage() {
    return InMemoryStorage.create();
  }
}
