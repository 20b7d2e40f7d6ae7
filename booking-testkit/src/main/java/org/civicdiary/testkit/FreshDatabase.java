/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for a test: a new H2 file database under {@code target/h2}, or a new,
 * uniquely named database on a PostgreSQL server, removed again at the end. It knows no adapter: it
 * hands out a JDBC URL, user and password, and the test builds its storage from them (for
 * civic-diary's JDBC adapter, {@code PersistenceConfig.builder().url(db.url()).user(db.user()).password(db.password())…}).
 *
 * <p>As a JUnit 5 extension, in a static field, it is created before the test class and removed
 * after it (and after the class's own {@code @AfterAll} methods, which close the storage):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FreshDatabase DB = FreshDatabase.postgres("reservations");
 * }</pre>
 *
 * <p>It is also {@link AutoCloseable} for a database per test method, in try-with-resources.
 *
 * <p>H2 sessions run in {@value #SESSION_ZONE}, so that an instant read or written in the session's
 * zone, rather than in UTC, shows in the tests. PostgreSQL's driver gives its sessions the JVM's
 * zone whatever the URL says, so run the tests in a zone other than UTC (civic-diary's build runs
 * them in America/New_York). The PostgreSQL server is
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} unless the system property
 * {@value #SERVER_PROPERTY} or the environment variable {@value #SERVER_VARIABLE} names another (a
 * URL of any database on it, with a user allowed to create databases).
 */
public final class FreshDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  /** The system property naming the PostgreSQL server: a JDBC URL of an existing database on it. */
  public static final String SERVER_PROPERTY = "civicdiary.test.jdbc-url";
  /** The environment variable naming the PostgreSQL server, when the system property is not set. */
  public static final String SERVER_VARIABLE = "CIVIC_DIARY_TEST_JDBC_URL";
  /** The zone H2 sessions run in: not UTC, so that a forgotten conversion shows. */
  public static final String SESSION_ZONE = "Asia/Tokyo";
  private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");

  private final String name;
  private final String url;
  private final String user;
  private final String password;
  private final Runnable create;
  private final Runnable drop;
  private boolean created;
  private String startedBy;

  private FreshDatabase(String name, String url, String user, String password, Runnable create, Runnable drop) {
    this.name = name;
    this.url = url;
    this.user = user;
    this.password = password;
    this.create = create;
    this.drop = drop;
  }

  /** A new H2 file database under {@code target/h2}; {@code purpose} goes into its folder's name. */
  public static FreshDatabase h2(String purpose) {
    String name = uniqueName(purpose);
    Path dir = Path.of("target", "h2", name).toAbsolutePath();
    return new FreshDatabase(name, "jdbc:h2:file:" + dir.resolve("db") + ";TIME ZONE=" + SESSION_ZONE, "sa", "",
        () -> { }, () -> deleteTree(dir));
  }

  /** A new database on the PostgreSQL server of {@value #SERVER_PROPERTY} (by default 127.0.0.1:5432, user postgres). */
  public static FreshDatabase postgres(String purpose) {
    return postgres(server(), purpose);
  }

  /**
   * A new database on the PostgreSQL server at {@code serverUrl}, a JDBC URL of an existing database
   * there ({@code jdbc:postgresql://host:port/db?user=…}) whose user may create databases.
   */
  public static FreshDatabase postgres(String serverUrl, String purpose) {
    Matcher parts = POSTGRES_URL.matcher(serverUrl);
    if (!parts.matches()) {
      throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + masked(serverUrl));
    }
    String name = uniqueName(purpose);
    String query = parts.group(3) == null ? "?" : parts.group(3) + "&";
    String url = parts.group(1) + "/" + name + query + "ApplicationName=" + name;
    return new FreshDatabase(name, url, null, null,
        () -> execute(serverUrl, "create database " + name),
        // FORCE: a test that failed half-way may have left connections open (PostgreSQL 13 and newer).
        () -> execute(serverUrl, "drop database if exists " + name + " with (force)"));
  }

  /** The PostgreSQL server the tests use: the system property, the environment variable, or 127.0.0.1:5432. */
  public static String server() {
    String chosen = System.getProperty(SERVER_PROPERTY, System.getenv(SERVER_VARIABLE));
    return chosen == null || chosen.isBlank() ? DEFAULT_SERVER : chosen.strip();
  }

  /** The database's name: the purpose and a random suffix, in lower case (also the H2 folder's name). */
  public String name() {
    return name;
  }

  /** The JDBC URL of the database, which is created on the first call if it does not exist yet. */
  public synchronized String url() {
    if (!created) {
      create.run();
      created = true;
    }
    return url;
  }

  /** The user to connect as, or null where the URL names it. */
  public String user() {
    return user;
  }

  /** The password, or null where the URL holds it (or none is needed). */
  public String password() {
    return password;
  }

  /** A plain connection of its own, for checks a port cannot make; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user, password);
  }

  /** Runs one statement on a connection of its own. */
  public void execute(String sql) {
    execute(url(), user, password, sql);
  }

  // @Nested classes inherit the extension: only the outermost class creates and removes the database.
  @Override
  public void beforeAll(ExtensionContext context) {
    if (startedBy == null) {
      startedBy = context.getUniqueId();
      url();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(startedBy)) {
      close();
    }
  }

  /** Removes the database; it is created anew if used again. */
  @Override
  public synchronized void close() {
    startedBy = null;
    if (created) {
      created = false;
      drop.run();
    }
  }

  @Override
  public String toString() {
    return "FreshDatabase[" + masked(url) + "]";
  }

  private static String uniqueName(String purpose) {
    String cleaned = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return "cd_" + cleaned + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void execute(String url, String sql) {
    execute(url, null, null, sql);
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "' on " + masked(url) + ": " + e.getMessage(), e);
    }
  }

  private static String masked(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
