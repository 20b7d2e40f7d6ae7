/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.web;

import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.testkit.NeedsPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP contract over the JDBC storage on PostgreSQL. */
@NeedsPostgres
class PostgresHttpApiTest extends JdbcHttpApiContract {
  @RegisterExtension
  static final FreshDatabase DB = FreshDatabase.postgres("web");

  @Override
  FreshDatabase database() {
    return DB;
  }
}
