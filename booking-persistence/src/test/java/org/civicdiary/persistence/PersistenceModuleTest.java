/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.Map;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;

class PersistenceModuleTest {
  @Test
  void bindsTheStorageTheSettingsNameAndClosesItsPool() {
    try (TestDatabase db = TestDatabase.h2("module")) {
      Injector injector = Guice.createInjector(new PersistenceModule(Settings.of(Map.of(
          "civicdiary.db.url", db.config.url(), "civicdiary.db.user", "sa", "civicdiary.db.pool-size", "2"))));
      Storage storage = injector.getInstance(Storage.class);
      assertThat(injector.getInstance(Storage.class)).isSameAs(storage);
      storage.transactions().run(() -> storage.directory().save(Fixtures.office()));
      assertThat(storage.directory().office(Fixtures.OFFICE)).contains(Fixtures.office());

      injector.getInstance(JdbcStorage.class).close();
      assertThatThrownBy(() -> storage.directory().offices()).isInstanceOf(StorageUnavailable.class);
    }
  }

  @Test
  void anUnreachableDatabaseStopsTheInjectorAtOnce() {
    PersistenceModule module = new PersistenceModule(Settings.of(Map.of(
        "civicdiary.db.url", "jdbc:postgresql://127.0.0.1:1/civic", "civicdiary.db.connection-timeout", "PT0.5S")));
    assertThatThrownBy(() -> Guice.createInjector(module))
        .isInstanceOf(CreationException.class)
        .hasRootCauseInstanceOf(java.net.ConnectException.class)
        .satisfies(e -> assertThat(e.getCause()).isInstanceOf(DatabaseNotReady.class));
  }
}
