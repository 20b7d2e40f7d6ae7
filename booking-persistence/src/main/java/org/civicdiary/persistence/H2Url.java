/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * Completes an H2 URL with the settings the shared SQL needs, so that a user writes only the path
 * ({@code jdbc:h2:file:./data/civic-diary}). Settings the user wrote are kept as written; one that
 * contradicts a required setting is refused, because H2 would otherwise accept it and the SQL would
 * fail later, at run time.
 */
final class H2Url {
  /** Without these H2 does not accept the SQL written for PostgreSQL, or orders nulls differently. */
  private static final Map<String, String> REQUIRED = orderedMap(
      "MODE", "PostgreSQL",
      "DATABASE_TO_LOWER", "TRUE",
      "DEFAULT_NULL_ORDERING", "HIGH");
  /** Set unless the user chose otherwise: each commit reaches the file at once, so no acknowledged booking is lost. */
  private static final Map<String, String> DEFAULTS = orderedMap("WRITE_DELAY", "0");
  /** Settings that cannot stand beside the required ones, with the value that contradicts them. */
  private static final Map<String, String> FORBIDDEN = orderedMap("DATABASE_TO_UPPER", "TRUE");

  private H2Url() {}

  /**
   * The URL with the required and default settings appended where missing.
   *
   * @throws InvalidSetting naming {@link PersistenceConfig#URL} when a setting contradicts a required one
   */
  static String complete(String url) {
    List<String> parts = split(url);
    Map<String, String> written = new LinkedHashMap<>();
    for (String setting : parts.subList(1, parts.size())) {
      int equals = setting.indexOf('=');
      if (equals > 0) {
        // H2 reads keys in upper case; the values compared here are names and booleans, also case-blind.
        written.put(setting.substring(0, equals).strip().toUpperCase(Locale.ROOT), setting.substring(equals + 1).strip());
      }
    }
    StringBuilder completed = new StringBuilder(url.endsWith(";") ? url.substring(0, url.length() - 1) : url);
    REQUIRED.forEach((key, value) -> {
      String chosen = written.get(key);
      if (chosen == null) {
        completed.append(';').append(key).append('=').append(value);
      } else if (!chosen.equalsIgnoreCase(value)) {
        throw refused(key + "=" + chosen, "civic-diary needs " + key + "=" + value + " (it adds it itself)");
      }
    });
    FORBIDDEN.forEach((key, value) -> {
      if (value.equalsIgnoreCase(written.get(key))) {
        throw refused(key + "=" + written.get(key), "it contradicts " + REQUIRED.keySet() + ", which civic-diary adds itself");
      }
    });
    DEFAULTS.forEach((key, value) -> {
      if (!written.containsKey(key)) {
        completed.append(';').append(key).append('=').append(value);
      }
    });
    return completed.toString();
  }

  private static InvalidSetting refused(String setting, String why) {
    return new InvalidSetting(PersistenceConfig.URL + " (" + Settings.variable(PersistenceConfig.URL)
        + ") must not set " + setting + ": " + why + ". Write only the database's path, e.g. jdbc:h2:file:./data/civic-diary");
  }

  /** The database part, then each setting; H2 separates them by ';', and '\;' is a ';' inside a value. */
  private static List<String> split(String url) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '\\' && i + 1 < url.length()) {
        part.append(c).append(url.charAt(++i));
      } else if (c == ';') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
