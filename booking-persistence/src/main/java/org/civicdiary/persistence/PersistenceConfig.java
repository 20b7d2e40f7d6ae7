/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * Where the database is and how many connections to keep. Read from the {@code civicdiary.db.*}
 * settings (see CONFIGURATION.md) with {@link #from(Settings)}, or assembled in code with
 * {@link #builder()}; either way the same checks run. The engine follows from the URL.
 * For H2 only the database is needed ({@code jdbc:h2:file:./data/civic-diary}): the settings H2
 * needs to run civic-diary's SQL are added here, and {@link #url()} is the completed URL.
 */
public final class PersistenceConfig {
  public static final String URL = "civicdiary.db.url";
  public static final String USER = "civicdiary.db.user";
  public static final String PASSWORD = "civicdiary.db.password";
  public static final String POOL_SIZE = "civicdiary.db.pool-size";
  public static final String CONNECTION_TIMEOUT = "civicdiary.db.connection-timeout";
  public static final String READ_URL = "civicdiary.db.read-url";
  public static final String READ_USER = "civicdiary.db.read-user";
  public static final String READ_PASSWORD = "civicdiary.db.read-password";
  public static final String READ_MAX_LAG = "civicdiary.db.read-max-lag";
  public static final String READ_CHECK_EVERY = "civicdiary.db.read-check-every";
  public static final String CACHE = "civicdiary.db.cache";

  /** The embedded default: an H2 file under ./data (the H2 dialect adds its settings). */
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/civic-diary";
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_MAX_LAG = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_CHECK_EVERY = Duration.ofSeconds(1);

  private final Values values;

  /** The checked values; a record for equality, private so that a new setting breaks no caller. */
  private record Values(String url, String user, String password, int poolSize, Duration connectionTimeout,
      String readUrl, String readUser, String readPassword, Duration readMaxLag, Duration readCheckEvery,
      boolean cache) {
    Values {
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
      if (readUrl != null && readUrl.isBlank()) {
        readUrl = null;
      }
      if (readUrl != null) {
        readUrl = readUrl.strip();
        if (!readUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")
            || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
          throw new InvalidSetting(READ_URL + " (" + Settings.variable(READ_URL)
              + ") must be the URL of a PostgreSQL hot standby (jdbc:postgresql://standby:5432/db) of the PostgreSQL in "
              + URL);
        }
      }
      if (readMaxLag == null || readMaxLag.toMillis() < 100) {
        throw new InvalidSetting(READ_MAX_LAG + " (" + Settings.variable(READ_MAX_LAG)
            + ") must be at least 100 milliseconds");
      }
      if (readCheckEvery == null || readCheckEvery.toMillis() < 50) {
        throw new InvalidSetting(READ_CHECK_EVERY + " (" + Settings.variable(READ_CHECK_EVERY)
            + ") must be at least 50 milliseconds");
      }
    }
  }

  private PersistenceConfig(Values values) {
    this.values = values;
  }

  /** The default pool size and timeout. */
  public static PersistenceConfig of(String url, String user, String password) {
    return builder().url(url).user(user).password(password).build();
  }

  /** Reads the {@code civicdiary.db.*} keys; without any, the embedded H2 database under ./data. */
  public static PersistenceConfig from(Settings settings) {
    return builder().url(settings.string(URL, DEFAULT_URL)).user(settings.string(USER, null))
        .password(settings.string(PASSWORD, null)).poolSize(settings.integer(POOL_SIZE, DEFAULT_POOL_SIZE, 1, 500))
        .connectionTimeout(settings.duration(CONNECTION_TIMEOUT, DEFAULT_CONNECTION_TIMEOUT))
        .readUrl(settings.string(READ_URL, null)).readUser(settings.string(READ_USER, null))
        .readPassword(settings.string(READ_PASSWORD, null))
        .readMaxLag(settings.duration(READ_MAX_LAG, DEFAULT_READ_MAX_LAG))
        .readCheckEvery(settings.duration(READ_CHECK_EVERY, DEFAULT_READ_CHECK_EVERY))
        .cache(settings.flag(CACHE, true)).build();
  }

  /** Starts from the defaults: the embedded H2 database, {@value #DEFAULT_POOL_SIZE} connections. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these values, to change one (a test's smaller pool, say). */
  public Builder toBuilder() {
    return builder().url(url()).user(user()).password(password()).poolSize(poolSize())
        .connectionTimeout(connectionTimeout()).readUrl(values.readUrl()).readUser(values.readUser())
        .readPassword(values.readPassword()).readMaxLag(readMaxLag()).readCheckEvery(readCheckEvery())
        .cache(cache());
  }

  public String url() {
    return values.url();
  }

  /** Null to let the driver decide (H2's default user, or a user named in the URL). */
  public String user() {
    return values.user();
  }

  /** Null for none. */
  public String password() {
    return values.password();
  }

  public int poolSize() {
    return values.poolSize();
  }

  /** How long a unit of work waits for a connection before the storage is reported unavailable. */
  public Duration connectionTimeout() {
    return values.connectionTimeout();
  }

  /**
   * The hot standby that serves public free-time and directory reads, if one is set; its pool has
   * as many connections as the primary's and is read-only.
   */
  public Optional<String> readUrl() {
    return Optional.ofNullable(values.readUrl());
  }

  /** The standby's user: {@value #READ_USER}, else the primary's (a physical standby has the same roles). */
  public String readUser() {
    return values.readUser() == null ? user() : values.readUser();
  }

  /** The standby's password: {@value #READ_PASSWORD}, else the primary's. */
  public String readPassword() {
    return values.readPassword() == null ? password() : values.readPassword();
  }

  /** How far the standby may be behind the primary before public reads go to the primary. */
  public Duration readMaxLag() {
    return values.readMaxLag();
  }

  /** How often the standby's state and lag are measured (not on every query). */
  public Duration readCheckEvery() {
    return values.readCheckEvery();
  }

  /**
   * Whether officials' busy time and the directory are kept in memory between queries (checked
   * against stamps in the database on every query). Off, every query reads the database: slower,
   * for ruling the caches out when something looks stale.
   */
  public boolean cache() {
    return values.cache();
  }

  /** The URL with any password in it masked, for logs and error messages. */
  public String safeUrl() {
    return masked(url());
  }

  /** The standby's URL, masked like {@link #safeUrl()}; empty without a standby. */
  public String safeReadUrl() {
    return readUrl().map(PersistenceConfig::masked).orElse("");
  }

  private static String masked(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PersistenceConfig that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "PersistenceConfig[url=" + safeUrl() + ", user=" + user() + ", password="
        + (password() == null ? "none" : "***") + ", poolSize=" + poolSize() + ", connectionTimeout="
        + connectionTimeout() + (values.readUrl() == null ? "" : ", readUrl=" + safeReadUrl() + ", readUser="
        + readUser() + ", readMaxLag=" + readMaxLag() + ", readCheckEvery=" + readCheckEvery())
        + ", cache=" + cache() + "]";
  }

  /** Collects the values; {@link #build()} checks them and names the key of a wrong one. */
  public static final class Builder {
    private String url = DEFAULT_URL;
    private String user;
    private String password;
    private int poolSize = DEFAULT_POOL_SIZE;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private String readUrl;
    private String readUser;
    private String readPassword;
    private Duration readMaxLag = DEFAULT_READ_MAX_LAG;
    private Duration readCheckEvery = DEFAULT_READ_CHECK_EVERY;
    private boolean cache = true;

    private Builder() {}

    /** {@value PersistenceConfig#READ_URL}: a PostgreSQL hot standby's JDBC URL, or null for none. */
    public Builder readUrl(String value) {
      this.readUrl = value;
      return this;
    }

    /** {@value PersistenceConfig#READ_USER}, or null for the primary's user. */
    public Builder readUser(String value) {
      this.readUser = value;
      return this;
    }

    /** {@value PersistenceConfig#READ_PASSWORD}, or null for the primary's password. */
    public Builder readPassword(String value) {
      this.readPassword = value;
      return this;
    }

    /** {@value PersistenceConfig#READ_MAX_LAG}: at least 100 ms. */
    public Builder readMaxLag(Duration value) {
      this.readMaxLag = value;
      return this;
    }

    /** {@value PersistenceConfig#READ_CHECK_EVERY}: at least 50 ms. */
    public Builder readCheckEvery(Duration value) {
      this.readCheckEvery = value;
      return this;
    }

    /** {@value PersistenceConfig#URL}: a PostgreSQL or H2 JDBC URL. */
    public Builder url(String value) {
      this.url = value;
      return this;
    }

    /** {@value PersistenceConfig#USER}, or null to let the driver decide. */
    public Builder user(String value) {
      this.user = value;
      return this;
    }

    /** {@value PersistenceConfig#PASSWORD}, or null for none. */
    public Builder password(String value) {
      this.password = value;
      return this;
    }

    /** {@value PersistenceConfig#POOL_SIZE}: 1 to 500. */
    public Builder poolSize(int value) {
      this.poolSize = value;
      return this;
    }

    /** {@value PersistenceConfig#CONNECTION_TIMEOUT}: at least 250 ms. */
    public Builder connectionTimeout(Duration value) {
      this.connectionTimeout = value;
      return this;
    }

    /** {@value PersistenceConfig#CACHE}: whether busy time and the directory are kept in memory (true). */
    public Builder cache(boolean value) {
      this.cache = value;
      return this;
    }

    public PersistenceConfig build() {
      return new PersistenceConfig(new Values(url, user, password, poolSize, connectionTimeout, readUrl, readUser,
          readPassword, readMaxLag, readCheckEvery, cache));
    }
  }
}
