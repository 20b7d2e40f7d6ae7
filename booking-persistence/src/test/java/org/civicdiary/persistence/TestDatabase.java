/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.civicdiary.booking.port.Storage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for one test class: a fresh schema on the PostgreSQL at 127.0.0.1 (or
 * {@code CIVIC_DIARY_TEST_JDBC_URL}), or a fresh H2 file under target/. Sessions run in Asia/Tokyo,
 * so that an instant read or written in the session's zone shows. Also runs plain SQL for checks
 * the ports cannot make. As a static {@code @RegisterExtension} it starts before the test class and
 * is dropped after it.
 */
final class TestDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  static final String POSTGRES_URL = System.getenv().getOrDefault("CIVIC_DIARY_TEST_JDBC_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  /** Children before parents, so that deleting in this order never breaks a foreign key. */
  private static final List<String> TABLES = List.of("held_slot", "manage_token", "outbox_message", "reservation",
      "absence", "diary_window", "walk_in_hours", "agenda_official", "agenda", "staff_session", "staff_account",
      "official", "department", "office_phone", "office", "audit_entry", "idempotency_record");

  final PersistenceConfig config;
  private final Runnable dropper;
  private JdbcStorage jdbc;
  private String startedBy;

  private TestDatabase(PersistenceConfig config, Runnable dropper) {
    this.config = config;
    this.dropper = dropper;
  }

  /** A new, empty PostgreSQL schema (not yet migrated). */
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
    return postgres(POSTGRES_URL, purpose, poolSize, CONNECTION_TIMEOUT);
  }

  /** A new, empty schema on the PostgreSQL server at {@code serverUrl} (which names the user). */
  static TestDatabase postgres(String serverUrl, String purpose, int poolSize, Duration connectionTimeout) {
    String schema = "cd_" + purpose.toLowerCase(Locale.ROOT) + "_" + UUID.randomUUID().toString().substring(0, 8);
    execute(serverUrl, "create schema " + schema);
    String url = serverUrl + (serverUrl.contains("?") ? "&" : "?")
        + "currentSchema=" + schema + "&options=-c%20TimeZone=Asia/Tokyo&ApplicationName=" + schema;
    return new TestDatabase(PersistenceConfig.builder().url(url)
        .poolSize(poolSize).connectionTimeout(connectionTimeout).build(),
        () -> execute(serverUrl, "drop schema " + schema + " cascade"));
  }

  /** A new H2 file database under target/h2 (not yet migrated). */
  static TestDatabase h2(String purpose) {
    return h2(purpose, DEFAULT_POOL);
  }

  static TestDatabase h2(String purpose, int poolSize) {
    Path dir = Path.of("target", "h2", purpose + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    String url = "jdbc:h2:file:" + dir.resolve("civic-diary")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TIME ZONE=Asia/Tokyo";
    return new TestDatabase(PersistenceConfig.builder().url(url)
        .user("sa").password("").poolSize(poolSize).connectionTimeout(CONNECTION_TIMEOUT).build(),
        () -> deleteTree(dir));
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
    execute(config.url(), config.user(), config.password(), sql);
  }

  @Override
  public void close() {
    if (jdbc != null) {
      jdbc.close();
      jdbc = null;
    }
    dropper.run();
  }

  private static void execute(String url, String sql) {
    execute(url, null, null, sql);
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
