/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.inject.Inject;
import java.util.Objects;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.guice.ForCivicDiary;
import org.civicdiary.guice.Lifecycle;

/**
 * Binds {@link Storage} to the JDBC storage that the configuration names (PostgreSQL or H2, by the
 * URL), and {@link JdbcStorage} itself. The pool closes when {@link CivicDiaryService} stops (the
 * last thing it stops); a host without the service closes it itself: {@code
 * injector.getInstance(JdbcStorage.class).close()}.
 *
 * <p>The database is started with the injector (an eager singleton): if it is unreachable or its
 * schema is newer than this code, creating the injector fails with a {@link DatabaseNotReady}
 * among its causes.
 *
 * <p>On PostgreSQL it also binds {@link #SHARED_BUCKETS}, the token buckets web nodes share when
 * {@code civicdiary.web.rate.shared} is on; on H2 that binding is absent.
 */
public final class PersistenceModule extends AbstractModule {
  /** The shared token buckets ({@link JdbcStorage#sharedBuckets()}), bound on PostgreSQL only. */
  public static final Key<ProxyManager<Long>> SHARED_BUCKETS = new Key<>(ForCivicDiary.class) {};
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
    Multibinder.newSetBinder(binder(), Lifecycle.class).addBinding().to(Pool.class);
    // a provider answering null leaves the Optional empty: H2 has no shared buckets
    OptionalBinder.newOptionalBinder(binder(), SHARED_BUCKETS).setBinding().toProvider(Buckets.class);
  }

  static final class Buckets implements Provider<ProxyManager<Long>> {
    private final JdbcStorage database;

    @Inject
    Buckets(JdbcStorage database) {
      this.database = database;
    }

    @Override
    public ProxyManager<Long> get() {
      return database.sharedBuckets().orElse(null);
    }
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

  /** The pool in the service's lifecycle: open from the injector's creation, closed last. */
  static final class Pool implements Lifecycle {
    private final JdbcStorage database;

    @Inject
    Pool(JdbcStorage database) {
      this.database = database;
    }

    @Override
    public Phase phase() {
      return Phase.STORAGE;
    }

    @Override
    public void start() {
      // Opened (and migrated) when the injector was created, so that a bad database fails early.
    }

    @Override
    public void stop() {
      database.close();
    }
  }
}
