/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.HttpApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A seeded server on the in-memory storage for this package's own tests: the contract's server and helpers, none of its tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpApiContractHost {
  protected final Host host = new Host();

  @BeforeAll
  void startHost() {
    host.startServer();
  }

  @AfterAll
  void stopHost() {
    host.stopServers();
  }

  protected ApiClient api() {
    return host.client();
  }

  protected ApiClient as(String username) {
    return host.as(username);
  }

  /** Not a test class: Surefire leaves nested classes alone. */
  static final class Host extends HttpApiContract {
    @Override
    protected Storage createStorage() {
      return InMemoryStorage.create();
    }

    @Override
    public void startServer() {
      super.startServer();
    }

    @Override
    public void stopServers() {
      super.stopServers();
    }

    ApiClient client() {
      return api;
    }
  }
}
