/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
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
    String prefix = s.string("civicdiary.web.prefix", "");
    if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
      throw new InvalidSetting("civicdiary.web.prefix is '" + prefix
          + "' but must be empty or start with '/' and not end with '/', e.g. /booking");
    }
    String publicUrl = s.string("civicdiary.web.public-url", "");
    if (publicUrl.endsWith("/")) {
      publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }
    String template = s.string("civicdiary.web.manage-link", "{base}/manage/" + TOKEN);
    if (!template.contains(TOKEN)) {
      throw new InvalidSetting("civicdiary.web.manage-link must contain " + TOKEN);
    }
    String cookieSecure = s.string("civicdiary.staff.cookie-secure", "auto");
    if (!List.of("auto", "true", "false").contains(cookieSecure)) {
      throw new InvalidSetting("civicdiary.staff.cookie-secure is '" + cookieSecure + "' but must be auto, true or false");
    }
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
        s.list("civicdiary.web.cors-origins"),
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

  private static RateLimit rate(Settings s, String key, String fallback) {
    return RateLimit.parse(key, s.string(key, fallback));
  }

  /** The manage link for a token: the page a citizen opens. */
  public String manageLink(String token) {
    return manageLinkTemplate.replace(TOKEN, token);
  }
}
