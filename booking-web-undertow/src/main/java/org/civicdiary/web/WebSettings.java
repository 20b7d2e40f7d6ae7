/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.PublicUrl;
import org.civicdiary.booking.settings.Settings;

/**
 * The web module's configuration ({@code civicdiary.web.*} and {@code civicdiary.staff.*}), read
 * and checked at start; CONFIGURATION.md in this module describes each key.
 */
public record WebSettings(
    String host,
    int port,
    String prefix,
    String publicUrl,
    String manageLinkTemplate,
    int maxBodyBytes,
    Duration requestTimeout,
    List<String> corsOrigins,
    List<String> frameAncestors,
    List<String> trustedProxies,
    List<String> metricsFrom,
    RateLimit bookingPerAddress,
    RateLimit bookingPerEmail,
    RateLimit queriesPerAddress,
    Duration idempotencyTtl,
    Duration freeTimeCache,
    int ioThreads,
    int workerThreads,
    Staff staff) {

  public static final String TOKEN = "{token}";

  /** Staff authentication. */
  public record Staff(
      Duration sessionTtl,
      String cookieSecure,
      RateLimit loginPerUser,
      RateLimit loginPerAddress,
      String trustedHeader,
      String initialAdmin,
      String initialAdminPassword) {
    public Staff {
      Objects.requireNonNull(sessionTtl, "sessionTtl");
      Objects.requireNonNull(cookieSecure, "cookieSecure");
      Objects.requireNonNull(loginPerUser, "loginPerUser");
      Objects.requireNonNull(loginPerAddress, "loginPerAddress");
    }

    /** Never prints the initial password. */
    @Override
    public String toString() {
      return "Staff[sessionTtl=" + sessionTtl + ", cookieSecure=" + cookieSecure + ", loginPerUser="
          + loginPerUser + ", loginPerAddress=" + loginPerAddress + ", trustedHeader=" + trustedHeader
          + ", initialAdmin=" + initialAdmin + "]";
    }
  }

  public WebSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(manageLinkTemplate, "manageLinkTemplate");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    corsOrigins = List.copyOf(corsOrigins);
    frameAncestors = List.copyOf(frameAncestors);
    trustedProxies = List.copyOf(trustedProxies);
    metricsFrom = List.copyOf(metricsFrom);
    Objects.requireNonNull(bookingPerAddress, "bookingPerAddress");
    Objects.requireNonNull(bookingPerEmail, "bookingPerEmail");
    Objects.requireNonNull(queriesPerAddress, "queriesPerAddress");
    Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
    Objects.requireNonNull(freeTimeCache, "freeTimeCache");
    Objects.requireNonNull(staff, "staff");
  }

  /** Reads every key, with the defaults CONFIGURATION.md lists. */
  public static WebSettings from(Settings s) {
    String prefix = PublicUrl.prefix(s);
    // The web's own key wins for its links, but must name the origin of the shared one.
    String webUrl = s.string(PublicUrl.WEB_KEY, null);
    URI shared = PublicUrl.of(s);
    String publicUrl = (webUrl == null ? shared : PublicUrl.parse(PublicUrl.WEB_KEY, webUrl)).toString();
    String template = s.string("civicdiary.web.manage-link", "{base}/manage/" + TOKEN);
    if (!template.contains(TOKEN)) {
      throw new InvalidSetting("civicdiary.web.manage-link must contain " + TOKEN);
    }
    String cookieSecure = s.string("civicdiary.staff.cookie-secure", "auto");
    if (!List.of("auto", "true", "false").contains(cookieSecure)) {
      throw new InvalidSetting("civicdiary.staff.cookie-secure is '" + cookieSecure + "' but must be auto, true or false");
    }
    checkCookie(cookieSecure, webUrl == null ? PublicUrl.sourceKey(s) : PublicUrl.WEB_KEY, URI.create(publicUrl));
    String trustedHeader = s.string("civicdiary.staff.trusted-header", null);
    List<String> proxies = s.list("civicdiary.web.trusted-proxies");
    if (trustedHeader != null && proxies.isEmpty()) {
      throw new InvalidSetting("civicdiary.staff.trusted-header needs civicdiary.web.trusted-proxies: "
          + "the addresses of the reverse proxies that set it");
    }
    String initialAdmin = s.string("civicdiary.staff.initial-admin", null);
    String initialPassword = s.string("civicdiary.staff.initial-admin-password", null);
    if ((initialAdmin == null) != (initialPassword == null)) {
      throw new InvalidSetting("set both civicdiary.staff.initial-admin and civicdiary.staff.initial-admin-password, or neither");
    }
    List<String> frameAncestors = s.list("civicdiary.web.frame-ancestors");
    List<String> metricsFrom = s.list("civicdiary.web.metrics-from");
    Duration timeout = s.duration("civicdiary.web.request-timeout", Duration.ofSeconds(10));
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidSetting("civicdiary.web.request-timeout must be positive");
    }
    return new WebSettings(
        s.string("civicdiary.web.host", "127.0.0.1"),
        s.integer("civicdiary.web.port", 8080, 0, 65535),
        prefix,
        publicUrl,
        template.replace("{base}", publicUrl + prefix),
        s.integer("civicdiary.web.max-body-bytes", 16 * 1024, 1024, 1024 * 1024),
        timeout,
        corsOrigins(s),
        frameAncestors.isEmpty() ? List.of("'self'") : frameAncestors,
        proxies,
        metricsFrom.isEmpty() ? List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7") : metricsFrom,
        rate(s, "civicdiary.web.rate.booking-per-address", "10/PT1M"),
        rate(s, "civicdiary.web.rate.booking-per-email", "5/PT1H"),
        rate(s, "civicdiary.web.rate.queries-per-address", "300/PT1M"),
        s.duration("civicdiary.web.idempotency-ttl", Duration.ofHours(24)),
        s.duration("civicdiary.web.free-time-cache", Duration.ofSeconds(2)),
        s.integer("civicdiary.web.io-threads", Math.max(2, Runtime.getRuntime().availableProcessors()), 1, 256),
        s.integer("civicdiary.web.worker-threads", 32, 1, 1024),
        new Staff(
            s.duration("civicdiary.staff.session-ttl", Duration.ofHours(8)),
            cookieSecure,
            rate(s, "civicdiary.staff.login-per-user", "5/PT15M"),
            rate(s, "civicdiary.staff.login-per-address", "20/PT15M"),
            trustedHeader,
            initialAdmin,
            initialPassword));
  }

  /**
   * A fixed {@code Secure} flag must suit the public URL: a Secure cookie is never sent back over
   * plain http, and a cookie without it may leak from an https site. Loopback is exempt, since
   * browsers treat http://localhost as secure and no one else can listen there.
   */
  private static void checkCookie(String cookieSecure, String urlKey, URI publicUrl) {
    String key = "civicdiary.staff.cookie-secure";
    if (PublicUrl.isLoopback(publicUrl)) {
      return;
    }
    boolean https = "https".equalsIgnoreCase(publicUrl.getScheme());
    if (cookieSecure.equals("true") && !https) {
      throw new InvalidSetting(key + "=true but " + urlKey + " is " + publicUrl
          + ": browsers never send a Secure cookie over http, so no one could sign in. Serve https or set " + key + "=auto");
    }
    if (cookieSecure.equals("false") && https) {
      throw new InvalidSetting(key + "=false but " + urlKey + " is " + publicUrl
          + ": the staff session cookie would also travel over plain http. Set " + key + "=auto or true");
    }
  }

  /** Each entry must be an origin as browsers send it: scheme, host and port, nothing else. */
  private static List<String> corsOrigins(Settings s) {
    String key = "civicdiary.web.cors-origins";
    List<String> origins = s.list(key);
    for (String origin : origins) {
      URI uri;
      try {
        uri = new URI(origin);
      } catch (URISyntaxException e) {
        uri = null;
      }
      String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme();
      boolean valid = uri != null && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null && !origin.contains("*") && PublicUrl.origin(uri).equals(origin);
      if (!valid) {
        throw new InvalidSetting(key + " (" + Settings.variable(key) + ") has '" + origin
            + "' but each entry must be an origin as a browser sends it: lower-case scheme://host[:port], without "
            + "a path, a trailing slash, a wildcard or the default port, e.g. https://www.praha6.cz");
      }
    }
    return origins;
  }

  private static RateLimit rate(Settings s, String key, String fallback) {
    return RateLimit.parse(key, s.string(key, fallback));
  }

  /** The manage link for a token: the page a citizen opens. */
  public String manageLink(String token) {
    return manageLinkTemplate.replace(TOKEN, token);
  }
}
