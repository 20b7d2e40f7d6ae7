/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;

/**
 * Binds {@link Storage} to the JDBC storage that the configuration names (PostgreSQL or H2, by the
 * URL), and {@link JdbcStorage} itself so that the host can close the pool when it stops:
 * {@code injector.getInstance(JdbcStorage.class).close()}.
 *
 * <p>The database is started with the injector (an eager singleton): if it is unreachable or its
 * schema is newer than this code, creating the injector fails with a {@link DatabaseNotReady}
 * among its causes.
 */
public final class PersistenceModule extends AbstractModule {
  private final PersistenceConfig config;

  /** Reads the {@code civicdiary.db.*} settings. */
  public PersistenceModule(Settings settings) {
    this(PersistenceConfig.from(settings));
  }

  public PersistenceModule(PersistenceConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  protected void configure() {
    bind(JdbcStorage.class).toProvider(new Starting(config)).asEagerSingleton();
  }

  @Provides
  @Singleton
  Storage storage(JdbcStorage database) {
    return database.storage();
  }

  private record Starting(PersistenceConfig config) implements Provider<JdbcStorage> {
    @Override
    public JdbcStorage get() {
      return JdbcStorage.start(config);
    }
  }
}
