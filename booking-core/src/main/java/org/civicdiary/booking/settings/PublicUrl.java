/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where citizens and staff reach civic-diary: the one key every link is derived from (manage links
 * in the API's answers and in e-mails, the demo's printed addresses). Modules read it through
 * {@link #of(Settings)}; their own older keys only override it, and must name the same origin.
 */
public final class PublicUrl {
  /** The public URL in front of the web prefix, e.g. {@code https://diar.praha6.cz}. */
  public static final String KEY = "civicdiary.public-url";
  /** The web module's older key: read when {@link #KEY} is not set, and otherwise an override. */
  public static final String WEB_KEY = "civicdiary.web.public-url";
  /** The path the web module is mounted under; part of every link. */
  public static final String PREFIX_KEY = "civicdiary.web.prefix";
  private static final String PORT_KEY = "civicdiary.web.port";
  private static final int DEFAULT_PORT = 8080;

  private PublicUrl() {}

  /**
   * The public URL without a trailing slash: {@code civicdiary.public-url}, else
   * {@code civicdiary.web.public-url}, else {@code http://localhost:{civicdiary.web.port}} (8080
   * when the port is 0, which is only known once bound).
   *
   * @throws InvalidSetting if both keys are set and name different origins, or one is not an
   *     absolute http(s) URL
   */
  public static URI of(Settings settings) {
    String main = settings.string(KEY, null);
    String web = settings.string(WEB_KEY, null);
    if (main != null) {
      URI url = parse(KEY, main);
      if (web != null) {
        sameOrigin(KEY, url, WEB_KEY, parse(WEB_KEY, web));
      }
      return url;
    }
    if (web != null) {
      return parse(WEB_KEY, web);
    }
    int port = settings.integer(PORT_KEY, DEFAULT_PORT, 0, 65535);
    return URI.create("http://localhost:" + (port == 0 ? DEFAULT_PORT : port));
  }

  /** Whether the public URL was set explicitly, rather than derived from the port. */
  public static boolean isSet(Settings settings) {
    return settings.string(KEY, null) != null || settings.string(WEB_KEY, null) != null;
  }

  /** The key {@link #of} took the URL from, for messages: {@link #KEY} unless only {@link #WEB_KEY} is set. */
  public static String sourceKey(Settings settings) {
    return settings.string(KEY, null) == null && settings.string(WEB_KEY, null) != null ? WEB_KEY : KEY;
  }

  /** The public URL with the web prefix: what the pages' paths ({@code /manage/...}) are appended to. */
  public static URI withPrefix(Settings settings) {
    return URI.create(of(settings) + prefix(settings));
  }

  /**
   * The path the web module is mounted under: empty, or starting with a slash and not ending with one.
   *
   * @throws InvalidSetting naming the key otherwise
   */
  public static String prefix(Settings settings) {
    String prefix = settings.string(PREFIX_KEY, "");
    if (!prefix.isEmpty() && (!prefix.matches("(/[A-Za-z0-9._~-]+)+"))) {
      throw new InvalidSetting(PREFIX_KEY + " is '" + prefix
          + "' but must be empty or a path that starts with '/' and does not end with '/', e.g. /booking");
    }
    return prefix;
  }

  /**
   * An absolute http(s) URL without query, fragment or user info, its trailing slash removed.
   *
   * @throws InvalidSetting naming the key otherwise
   */
  public static URI parse(String key, String value) {
    String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawQuery() != null
          || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new URISyntaxException(value, "not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidSetting(key + " (" + Settings.variable(key) + ") is '" + value
          + "' but must be an absolute http(s) URL without query, such as https://diar.praha6.cz");
    }
  }

  /** {@code scheme://host[:port]} of a URL, lower case, without the default port. */
  public static String origin(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  /**
   * Two keys that must name the same origin, or the links they make lead to different servers.
   *
   * @throws InvalidSetting naming both keys when they differ
   */
  public static void sameOrigin(String key, URI url, String otherKey, URI other) {
    if (!origin(url).equals(origin(other))) {
      throw new InvalidSetting(otherKey + " (" + other + ") must have the same origin as " + key + " (" + url
          + "): links would lead to two different servers. Set only " + key
          + ", or make both name the same scheme, host and port");
    }
  }

  /** Whether the URL's host is this machine (localhost, 127.0.0.0/8, ::1), where browsers treat http as secure. */
  public static boolean isLoopback(URI url) {
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("[::1]");
  }
}
