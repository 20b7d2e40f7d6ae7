/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.civicdiary.testkit.NeedsPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared token buckets (V29, bucket4j's PostgreSQL proxy manager): on PostgreSQL only, and a
 * request costs one transaction. Not a benchmark: it counts what goes to the database.
 */
@NeedsPostgres
class SharedBucketsTest {
  private static final BucketConfiguration FIVE_AN_HOUR = BucketConfiguration.builder()
      .addLimit(b -> b.capacity(5).refillGreedy(5, Duration.ofHours(1))).build();
  private static final int FIRST_ROUND_TRIPS = 8;

  @Test
  void aRequestIsOneTransactionOfThreeRoundTripsOnceItsBucketExists() {
    try (TestDatabase db = TestDatabase.postgres("buckets").start()) {
      Counting counting = new Counting(db.config);
      ProxyManager<Long> buckets = SharedBuckets.over(counting.dataSource());
      BucketProxy bucket = buckets.getProxy(42L, () -> FIVE_AN_HOUR);
      assertThat(bucket.tryConsume(1)).isTrue();
      // A bucket's first request (a client's first since its row went) finds no row, inserts an empty
      // one and tries again: three transactions, once.
      assertThat(counting.connections.get()).as("transactions of the first request").isEqualTo(3);
      assertThat(counting.statements.get() + counting.ends.get()).as("round trips of the first request")
          .isEqualTo(FIRST_ROUND_TRIPS);
      for (int i = 0; i < 5; i++) {
        counting.reset();
        assertThat(bucket.tryConsume(1)).isEqualTo(i < 4);
        assertThat(counting.connections.get()).as("one connection, one transaction").isEqualTo(1);
        assertThat(counting.ends.get()).isEqualTo(1);
        // the row locked and read, written, committed; a refusal changes nothing: read, rolled back
        assertThat(counting.statements.get() + counting.ends.get()).as("round trips").isEqualTo(i < 4 ? 3 : 2);
      }
      assertThat(db.count("select count(*) from rate_limit_bucket where id = 42 and expires_at > 0")).isOne();
    }
  }

  @Test
  void postgresHasSharedBucketsAndH2HasNone() {
    try (TestDatabase db = TestDatabase.postgres("buckets").start()) {
      assertThat(db.jdbc().sharedBuckets()).isPresent();
    }
    try (TestDatabase db = TestDatabase.h2("buckets").start()) {
      assertThat(db.jdbc().sharedBuckets()).isEmpty();
    }
  }

  /** Counts connections taken, statements run and transactions ended (commit or rollback), through proxies over plain JDBC. */
  private static final class Counting {
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger statements = new AtomicInteger();
    final AtomicInteger ends = new AtomicInteger();
    private final PGSimpleDataSource target = new PGSimpleDataSource();

    Counting(PersistenceConfig config) {
      target.setURL(config.url());
      target.setUser(config.user());
      target.setPassword(config.password());
    }

    void reset() {
      connections.set(0);
      statements.set(0);
      ends.set(0);
    }

    DataSource dataSource() {
      return proxy(DataSource.class, target, (method, result) -> {
        if (method.equals("getConnection")) {
          connections.incrementAndGet();
          return proxy(Connection.class, result, (m, r) -> {
            if (m.equals("commit") || m.equals("rollback")) {
              ends.incrementAndGet();
            }
            if (r instanceof PreparedStatement statement) {
              return proxy(PreparedStatement.class, statement, this::executed);
            }
            if (r instanceof Statement statement) {
              return proxy(Statement.class, statement, this::executed);
            }
            return r;
          });
        }
        return result;
      });
    }

    private Object executed(String method, Object result) {
      if (method.startsWith("execute")) {
        statements.incrementAndGet();
      }
      return result;
    }

    private interface After {
      Object apply(String method, Object result);
    }

    private static <T> T proxy(Class<T> type, Object target, After after) {
      InvocationHandler handler = (p, method, args) -> {
        try {
          return after.apply(method.getName(), method.invoke(target, args));
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      return type.cast(Proxy.newProxyInstance(SharedBucketsTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
  }
}
