/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Configuration read in one place: a properties file, overridden by environment variables. The
 * variable for key {@code civicdiary.db.url} is {@code CIVICDIARY_DB_URL}. Every module reads its
 * own keys through this, so that every error says which key or variable to set.
 */
public final class Settings {
  private final Properties properties;
  private final Map<String, String> environment;

  private Settings(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = Map.copyOf(environment);
  }

  public static Settings of(Properties properties, Map<String, String> environment) {
    Properties copy = new Properties();
    copy.putAll(properties);
    return new Settings(copy, environment);
  }

  /** Only these properties, no environment: for tests and for hosts that configure in code. */
  public static Settings of(Map<String, String> properties) {
    Properties p = new Properties();
    p.putAll(properties);
    return new Settings(p, Map.of());
  }

  /** The file (if it exists) and the process environment. */
  public static Settings load(Path file) {
    Properties p = new Properties();
    if (file != null && Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(reader);
      } catch (IOException e) {
        throw new InvalidSetting("cannot read configuration file " + file + ": " + e.getMessage());
      }
    }
    return new Settings(p, System.getenv());
  }

  /**
   * These settings with defaults beneath them: a key from the defaults counts only where neither
   * the properties nor the environment set it. For values a host derives, such as the demo's
   * addresses from its ports.
   */
  public Settings withDefaults(Map<String, String> defaults) {
    Properties merged = new Properties();
    merged.putAll(defaults);
    properties.stringPropertyNames().stream().filter(key -> !properties.getProperty(key).isBlank())
        .forEach(key -> merged.setProperty(key, properties.getProperty(key)));
    return new Settings(merged, environment);
  }

  /**
   * These settings with the given values in place of whatever the properties or the environment
   * say: for values a host has decided, such as the port it picked for {@code 0}.
   */
  public Settings with(Map<String, String> values) {
    Properties merged = new Properties();
    merged.putAll(properties);
    merged.putAll(values);
    Map<String, String> env = new HashMap<>(environment);
    values.keySet().forEach(key -> env.remove(variable(key)));
    return new Settings(merged, env);
  }

  /**
   * These settings with one key set to the value's text, or back to its default when the value is
   * null: what the modules' builders collect before their {@code from(Settings)} checks it.
   */
  public Settings with(String key, Object value) {
    return with(Map.of(key, value == null ? "" : value.toString()));
  }

  /** The environment variable that overrides a key. */
  public static String variable(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public String string(String key, String fallback) {
    String value = raw(key);
    return value == null ? fallback : value;
  }

  public String required(String key) {
    String value = raw(key);
    if (value == null) {
      throw new InvalidSetting("set " + key + " (or the environment variable " + variable(key) + ")");
    }
    return value;
  }

  public int integer(String key, int fallback, int min, int max) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(key, value, "a whole number from " + min + " to " + max);
    }
  }

  public boolean flag(String key, boolean fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  /** An ISO-8601 duration ({@code PT15M}) or a number of seconds. */
  public Duration duration(String key, Duration fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    try {
      return value.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(value))
          : Duration.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw invalid(key, value, "an ISO-8601 duration such as PT15M, or a number of seconds");
    }
  }

  /** A comma-separated list, blanks dropped; empty if not set. */
  public List<String> list(String key) {
    String value = raw(key);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private String raw(String key) {
    String value = environment.get(variable(key));
    if (value == null) {
      value = properties.getProperty(key);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static InvalidSetting invalid(String key, String value, String expected) {
    return new InvalidSetting(key + " (" + variable(key) + ") is '" + value + "' but must be " + expected);
  }
}
