/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What differs between the engines, as capabilities and the few statements that differ. Everything
 * else (schema, queries) is the same SQL on both.
 */
enum Dialect {
  POSTGRESQL {
    @Override
    boolean connectionLost(String sqlState) {
      // admin shutdown (pg_terminate_backend), crash shutdown, cannot connect now, too many connections
      return Set.of("57P01", "57P02", "57P03", "53300").contains(sqlState);
    }

    @Override
    boolean lostToConcurrentWork(String sqlState) {
      return "55P03".equals(sqlState); // lock not available
    }

    @Override
    String completeUrl(String url) {
      return url;
    }
  },

  H2 {
    @Override
    boolean connectionLost(String sqlState) {
      // connection broken, database closed, closed at VM shutdown, file in use, file I/O error
      return Set.of("90067", "90098", "90121", "90020", "90028").contains(sqlState);
    }

    @Override
    boolean lostToConcurrentWork(String sqlState) {
      return "HYT00".equals(sqlState) || "90131".equals(sqlState); // lock timeout, concurrent update
    }

    @Override
    String completeUrl(String url) {
      return H2Url.complete(url);
    }
  };

  /** Chooses by the JDBC URL. */
  static Dialect of(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException("not a PostgreSQL or H2 JDBC URL");
  }

  /**
   * The URL with the settings the engine needs to run the shared SQL added where the user left them
   * out, so that a user writes only where the database is.
   *
   * @throws org.civicdiary.booking.settings.InvalidSetting when the URL sets something that contradicts them
   */
  abstract String completeUrl(String url);

  /** Whether the engine's SQLState (beyond the standard class 08) means the connection is gone. */
  abstract boolean connectionLost(String sqlState);

  /** Whether the engine's SQLState (beyond the standard class 40) means a concurrent unit of work won a lock. */
  abstract boolean lostToConcurrentWork(String sqlState);

  /**
   * Whether {@code FOR UPDATE SKIP LOCKED} works, so that outbox workers on several nodes claim side
   * by side. Both engines here have it (H2 since 2.x); without it claims fall back to waiting locks.
   */
  boolean supportsSkipLocked() {
    return true;
  }

  /** Flyway locations: the shared scripts, then any this engine needs of its own. */
  List<String> migrationLocations() {
    return List.of("classpath:db/migration/common");
  }
}
