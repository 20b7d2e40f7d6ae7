/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.testkit.FreshDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JDBC storage on a {@link FreshDatabase} of the test kit (a new H2 file or PostgreSQL
 * database), with plain SQL for checks the ports cannot make. As a static
 * {@code @RegisterExtension} it starts before the test class, and the storage is closed and the
 * database removed after it.
 */
final class TestDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  /** Children before parents, so that deleting in this order never breaks a foreign key. */
  private static final List<String> TABLES = List.of("work_note", "check_in", "busy_conflict", "busy_time", "busy_feed", "official_deputy",
      "mail_tally", "official_feed", "freed_time", "proposal_hold", "call_request", "waiting_list_token", "waiting_list_entry",
      "held_slot", "manage_token", "outbox_message", "reservation",
      "absence", "closure_day", "diary_window", "walk_in_hours", "agenda_official", "agenda", "staff_second_step", "staff_recovery_code", "staff_second_factor",
      "staff_session", "staff_account",
      "official", "department", "office_phone", "office", "audit_entry", "idempotency_record",
      "spent_challenge", "challenge_key", "api_key", "webhook_delivery", "webhook_endpoint", "rate_limit_bucket");

  final PersistenceConfig config;
  private final FreshDatabase database;
  private JdbcStorage jdbc;
  private String startedBy;

  private TestDatabase(FreshDatabase database, int poolSize, Duration connectionTimeout) {
    this.database = database;
    this.config = PersistenceConfig.builder().url(database.url()).user(database.user()).password(database.password()).poolSize(poolSize).connectionTimeout(connectionTimeout).build();
  }

  /** A new, empty PostgreSQL database (not yet migrated). */
  static TestDatabase postgres(String purpose) {
    return postgres(purpose, DEFAULT_POOL);
  }

  static final int DEFAULT_POOL = 8;
  /**
   * Long: the contract races 64 threads through one official's diary (serialised by its lock) over
   * a pool of 8, and a thread may wait for a connection for seconds without anything being wrong.
   */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(60);

  static TestDatabase postgres(String purpose, int poolSize) {
    return postgres(FreshDatabase.server(), purpose, poolSize, CONNECTION_TIMEOUT);
  }

  /** A new, empty database on the PostgreSQL server at {@code serverUrl} (which names the user). */
  static TestDatabase postgres(String serverUrl, String purpose, int poolSize, Duration connectionTimeout) {
    return new TestDatabase(FreshDatabase.postgres(serverUrl, purpose), poolSize, connectionTimeout);
  }

  /** A new H2 file database under target/h2 (not yet migrated). */
  static TestDatabase h2(String purpose) {
    return h2(purpose, DEFAULT_POOL);
  }

  static TestDatabase h2(String purpose, int poolSize) {
    return new TestDatabase(FreshDatabase.h2(purpose), poolSize, CONNECTION_TIMEOUT);
  }

  // @Nested classes inherit the extension: only the outermost class starts and closes the database.
  @Override
  public void beforeAll(ExtensionContext context) {
    if (jdbc == null) {
      startedBy = context.getUniqueId();
      start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(startedBy)) {
      close();
    }
  }

  /** Starts (and migrates) the storage. */
  TestDatabase start() {
    jdbc = JdbcStorage.start(config);
    return this;
  }

  JdbcStorage jdbc() {
    return jdbc;
  }

  Storage storage() {
    return jdbc.storage();
  }

  /** The storage with every table emptied. */
  Storage emptied() {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String table : TABLES) {
        s.executeUpdate("delete from " + table);
      }
      // Written behind the adapter's back: a new stamp, as CONFIGURATION.md asks of such tools.
      s.executeUpdate("update directory_stamp set stamp = " + java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return storage();
  }

  /** A plain connection of its own, outside the pool. */
  Connection connect() throws SQLException {
    // The adapter's URL, which for H2 carries the settings the dialect added (names in lower case…).
    return DriverManager.getConnection(config.url(), config.user(), config.password());
  }

  long count(String sql, Object... params) {
    return query(sql, rs -> rs.getLong(1), params).get(0);
  }

  <T> List<T> query(String sql, Sql.Row<T> row, Object... params) {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rs.next()) {
          result.add(row.map(rs));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (jdbc != null) {
      jdbc.close();
      jdbc = null;
    }
    database.close();
  }
}
