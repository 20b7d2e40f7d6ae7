/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.persistence.DatabaseNotReady.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC storage of civic-diary on PostgreSQL or embedded H2, chosen by the URL, behind a
 * HikariCP pool. {@link #start} connects and migrates the schema; {@link #close} shuts the pool.
 *
 * <pre>{@code
 * try (JdbcStorage db = JdbcStorage.start(PersistenceConfig.from(settings))) {
 *   CivicDiary diary = CivicDiary.builder().storage(db.storage()).build();
 *   ...
 * }
 * }</pre>
 */
public final class JdbcStorage implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);
  private final HikariDataSource pool;
  private final HotStandby standby;
  private final Storage storage;
  private final ProxyManager<Long> sharedBuckets;

  private JdbcStorage(HikariDataSource pool, HotStandby standby, Storage storage, ProxyManager<Long> sharedBuckets) {
    this.pool = pool;
    this.standby = standby;
    this.storage = storage;
    this.sharedBuckets = sharedBuckets;
  }

  /**
   * Connects, applies the migrations this version has and the database lacks, and returns the storage.
   *
   * @throws DatabaseNotReady if the database cannot be reached or its schema is newer than this code
   */
  public static JdbcStorage start(PersistenceConfig config) {
    return start(config, Clock.systemUTC(), UnaryOperator.identity());
  }

  /** With the clock that times the standby's lag (a test's settable one). */
  static JdbcStorage start(PersistenceConfig config, Clock clock) {
    return start(config, clock, UnaryOperator.identity());
  }

  /** As {@link #start(PersistenceConfig)}, the units of work going through {@code seen} (tests count statements). */
  static JdbcStorage start(PersistenceConfig config, UnaryOperator<DataSource> seen) {
    return start(config, Clock.systemUTC(), seen);
  }

  private static JdbcStorage start(PersistenceConfig config, Clock clock, UnaryOperator<DataSource> seen) {
    Dialect dialect = Dialect.of(config.url());
    HikariDataSource pool = open(config);
    HotStandby standby = null;
    try {
      Migrations.apply(config, dialect);
      new JdbcTransactions(pool, dialect).statement(c -> {
        BusyCache.stampAllUnstamped(c);
        DirectoryCache.stampIfUnstamped(c);
        return null;
      });
      standby = config.readUrl().isPresent() ? HotStandby.start(config, pool, clock) : null;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    JdbcTransactions tx = new JdbcTransactions(seen.apply(pool), dialect, standby);
    DirectoryCache directory = new DirectoryCache(tx, JdbcDirectory::load, config.cache());
    Storage storage = Storage.builder().directory(new JdbcDirectory(tx, directory))
        .diaries(new JdbcDiaries(tx, directory)).reservations(new JdbcReservations(tx, config.cache())).outbox(new JdbcOutbox(tx))
        .auditLog(new JdbcAuditLog(tx)).idempotencyKeys(new JdbcIdempotencyKeys(tx))
        .staffAccounts(new JdbcStaffAccounts(tx)).challenges(new JdbcChallenges(tx)).apiKeys(new JdbcApiKeys(tx))
        .transactions(tx).webhooks(new JdbcWebhooks(tx))
        .officialFeeds(new JdbcOfficialFeeds(tx))
        .waitingList(new JdbcWaitingList(tx)).busyFeeds(new JdbcBusyFeeds(tx))
        .checkIns(new JdbcCheckIns(tx)).build();
    LOG.info("civic-diary storage on {} with a pool of {} connections{}", config.safeUrl(), config.poolSize(),
        config.cache() ? "" : ", nothing kept in memory (" + PersistenceConfig.CACHE + "=false)");
    return new JdbcStorage(pool, standby, storage, dialect == Dialect.POSTGRESQL ? SharedBuckets.over(pool) : null);
  }

  private static HikariDataSource open(PersistenceConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("civic-diary");
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    // Fail at start, not at the first request, if the database is not there.
    hikari.setInitializationFailTimeout(config.connectionTimeout().toMillis());
    // Single statements outside a unit of work run in auto-commit; units of work switch it off.
    hikari.setAutoCommit(true);
    try {
      return new HikariDataSource(hikari);
    } catch (PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DatabaseNotReady(Problem.UNREACHABLE, "cannot connect to the database at " + config.safeUrl()
          + (config.user() == null ? "" : " as " + config.user()) + " (" + cause.getMessage() + "): check "
          + PersistenceConfig.URL + ", " + PersistenceConfig.USER + " and " + PersistenceConfig.PASSWORD
          + " and that the database server is running and accepts connections", e);
    }
  }

  /** All the storage ports, sharing this database's units of work. */
  public Storage storage() {
    return storage;
  }

  /** The standby of public reads, or null without one (for tests). */
  HotStandby standby() {
    return standby;
  }

  /**
   * The token buckets that web nodes on this database share ({@code civicdiary.web.rate.shared}), keyed
   * by a 64-bit id; empty on H2, which has no bucket4j proxy manager and serves one node anyway.
   */
  public Optional<ProxyManager<Long>> sharedBuckets() {
    return Optional.ofNullable(sharedBuckets);
  }

  /** Closes the pools; the storage fails with StorageUnavailable afterwards. */
  @Override
  public void close() {
    if (standby != null) {
      standby.close();
    }
    pool.close();
  }
}
