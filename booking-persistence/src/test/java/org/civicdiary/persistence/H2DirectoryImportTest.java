/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.testkit.contract.DirectoryImportContract;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2DirectoryImportTest extends DirectoryImportContract {
  @RegisterExtension
  static final TestDatabase DB = TestDatabase.h2("directoryimport");

  @Override
  protected Storage emptyStorage() {
    return DB.emptied();
  }
}
