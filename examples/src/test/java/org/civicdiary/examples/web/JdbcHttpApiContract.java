/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.web;

import java.time.Duration;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.web.contract.HttpApiContract;
import org.junit.jupiter.api.AfterAll;

/** The HTTP contract over the JDBC storage on the test kit's fresh database of each subclass. */
abstract class JdbcHttpApiContract extends HttpApiContract {
  private JdbcStorage jdbc;

  /** The subclass's database, registered as its extension so that it is removed after the class. */
  abstract FreshDatabase database();

  @Override
  protected Storage createStorage() {
    FreshDatabase db = database();
    // A pool as large as the contract's concurrent requests, and time for them to queue for it.
    jdbc = JdbcStorage.start(PersistenceConfig.builder().url(db.url()).user(db.user()).password(db.password()).poolSize(16).connectionTimeout(Duration.ofSeconds(60)).build());
    return jdbc.storage();
  }

  @AfterAll
  void closeStorage() {
    stopServers();
    jdbc.close();
  }
}
