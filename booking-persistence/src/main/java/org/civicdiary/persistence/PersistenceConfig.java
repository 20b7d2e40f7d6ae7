/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.time.Duration;
import java.util.Locale;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * Where the database is and how many connections to keep. Read from the {@code civicdiary.db.*}
 * settings (see CONFIGURATION.md); the engine follows from the URL.
 *
 * @param url the JDBC URL; for H2 only the database is needed ({@code jdbc:h2:file:./data/civic-diary}):
 *     the settings H2 needs to run civic-diary's SQL are added here, and {@link #url()} is the completed URL
 * @param user null to let the driver decide (H2's default user, or a user named in the URL)
 * @param password null for none
 * @param connectionTimeout how long a unit of work waits for a connection before the storage is
 *     reported unavailable
 */
public record PersistenceConfig(String url, String user, String password, int poolSize, Duration connectionTimeout) {
  public static final String URL = "civicdiary.db.url";
  public static final String USER = "civicdiary.db.user";
  public static final String PASSWORD = "civicdiary.db.password";
  public static final String POOL_SIZE = "civicdiary.db.pool-size";
  public static final String CONNECTION_TIMEOUT = "civicdiary.db.connection-timeout";

  /** The embedded default: an H2 file under ./data (the H2 dialect adds its settings). */
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/civic-diary";
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  public PersistenceConfig {
    if (url == null || url.isBlank()) {
      throw new InvalidSetting("set " + URL + " (or " + Settings.variable(URL) + ") to a JDBC URL");
    }
    url = url.strip();
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:postgresql:") && !lower.startsWith("jdbc:h2:")) {
      throw new InvalidSetting(URL + " (" + Settings.variable(URL)
          + ") must be a PostgreSQL (jdbc:postgresql://host:5432/db) or H2 (jdbc:h2:file:./data/civic-diary) URL");
    }
    url = Dialect.of(url).completeUrl(url);
    if (poolSize < 1 || poolSize > 500) {
      throw new InvalidSetting(POOL_SIZE + " (" + Settings.variable(POOL_SIZE) + ") must be from 1 to 500");
    }
    if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
      throw new InvalidSetting(CONNECTION_TIMEOUT + " (" + Settings.variable(CONNECTION_TIMEOUT)
          + ") must be at least 250 milliseconds");
    }
  }

  /** The default pool size and timeout. */
  public static PersistenceConfig of(String url, String user, String password) {
    return new PersistenceConfig(url, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
  }

  /** Reads the {@code civicdiary.db.*} keys; without any, the embedded H2 database under ./data. */
  public static PersistenceConfig from(Settings settings) {
    return new PersistenceConfig(settings.string(URL, DEFAULT_URL), settings.string(USER, null),
        settings.string(PASSWORD, null), settings.integer(POOL_SIZE, DEFAULT_POOL_SIZE, 1, 500),
        settings.duration(CONNECTION_TIMEOUT, DEFAULT_CONNECTION_TIMEOUT));
  }

  /** The URL with any password in it masked, for logs and error messages. */
  public String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "PersistenceConfig[url=" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
        + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout + "]";
  }
}
