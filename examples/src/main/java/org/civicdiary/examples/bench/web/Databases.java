/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;

/**
 * Fresh databases for the HTTP load harness and the HTTP tests: a new schema on the PostgreSQL at
 * 127.0.0.1 (or {@code CIVIC_DIARY_TEST_JDBC_URL}), or a new H2 file under target/, each dropped
 * when closed. Sessions run in a non-UTC zone so that timestamp mistakes show.
 */
public final class Databases implements AutoCloseable {
  public static final String POSTGRES_URL = System.getenv().getOrDefault("CIVIC_DIARY_TEST_JDBC_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(60);
  private final JdbcStorage jdbc;
  private final Runnable drop;

  private Databases(JdbcStorage jdbc, Runnable drop) {
    this.jdbc = jdbc;
    this.drop = drop;
  }

  /** A migrated, empty schema of its own on PostgreSQL. */
  public static Databases postgres(String purpose, int poolSize) {
    String schema = "cd_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    execute(POSTGRES_URL, "create schema " + schema);
    String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?")
        + "currentSchema=" + schema + "&options=-c%20TimeZone=Asia/Tokyo&ApplicationName=" + schema;
    Runnable drop = () -> execute(POSTGRES_URL, "drop schema " + schema + " cascade");
    try {
      return new Databases(JdbcStorage.start(PersistenceConfig.builder().url(url)
          .poolSize(poolSize).connectionTimeout(CONNECTION_TIMEOUT).build()), drop);
    } catch (RuntimeException e) {
      drop.run();
      throw e;
    }
  }

  /** A migrated, empty H2 file database under target/h2. */
  public static Databases h2(String purpose, int poolSize) {
    Path dir = Path.of("target", "h2", purpose + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    String url = "jdbc:h2:file:" + dir.resolve("civic-diary")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TIME ZONE=Asia/Tokyo";
    return new Databases(JdbcStorage.start(PersistenceConfig.builder().url(url)
        .user("sa").password("").poolSize(poolSize).connectionTimeout(CONNECTION_TIMEOUT).build()),
        () -> deleteTree(dir));
  }

  public org.civicdiary.booking.port.Storage storage() {
    return jdbc.storage();
  }

  @Override
  public void close() {
    try {
      jdbc.close();
    } finally {
      drop.run();
    }
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "' on " + url.replaceAll("password=[^&]*", "password=***"), e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
