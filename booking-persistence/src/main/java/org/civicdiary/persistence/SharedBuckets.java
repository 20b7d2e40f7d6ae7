/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The token buckets the web nodes share, in the table {@code rate_limit_bucket} (V29), through
 * bucket4j's PostgreSQL proxy manager. Its select-for-update variant: one transaction per request
 * once the row exists, three round trips (the row locked and read, written, committed; a refusal
 * two, as it writes nothing), where the advisory-lock variant takes a fourth for the lock. A bucket's
 * first request takes three transactions (no row: one is inserted, and the request tried again).
 */
final class SharedBuckets {
  static final String TABLE = "rate_limit_bucket";

  private SharedBuckets() {}

  static ProxyManager<Long> over(DataSource pool) {
    return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
        .table(TABLE)
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        // a bucket that has refilled is the same as none: its row may go then
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
        .build();
  }
}
