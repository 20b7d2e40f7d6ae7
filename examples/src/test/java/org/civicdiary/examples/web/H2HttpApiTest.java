/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.web;

import org.civicdiary.testkit.FreshDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP contract over the JDBC storage on an H2 file database. */
class H2HttpApiTest extends JdbcHttpApiContract {
  @RegisterExtension
  static final FreshDatabase DB = FreshDatabase.h2("web");

  @Override
  FreshDatabase database() {
    return DB;
  }
}
