/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.web;

import org.civicdiary.booking.port.Storage;
import org.civicdiary.examples.bench.web.Databases;
import org.civicdiary.web.contract.HttpApiContract;
import org.junit.jupiter.api.AfterAll;

/** The HTTP contract over the JDBC storage on PostgreSQL. */
class PostgresHttpApiTest extends HttpApiContract {
  private Databases database;

  @Override
  protected Storage createStorage() {
    database = Databases.postgres("web", 16);
    return database.storage();
  }

  @AfterAll
  void dropDatabase() {
    stopServers();
    database.close();
  }
}
