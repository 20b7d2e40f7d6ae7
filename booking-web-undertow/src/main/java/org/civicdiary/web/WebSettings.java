/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.PublicUrl;
import org.civicdiary.booking.settings.Settings;

/**
 * The web module's configuration ({@code civicdiary.web.*} and {@code civicdiary.staff.*}), read
 * and checked at start with {@link #from(Settings)}, or set in code with {@link #builder()};
 * CONFIGURATION.md in this module describes each key.
 */
public final class WebSettings {
  public static final String TOKEN = "{token}";
  /** The key that shares the per-address limits among the nodes (see {@link #rateShared()}). */
  public static final String RATE_SHARED = "civicdiary.web.rate.shared";

  private final Values values;

  /** The checked values; a record for equality, private so that a new setting breaks no caller. */
  private record Values(
      String host,
      int port,
      String prefix,
      String publicUrl,
      String manageLinkTemplate,
      int maxBodyBytes,
      Duration requestTimeout,
      Duration bodyTimeout,
      int connectionsPerAddress,
      List<String> corsOrigins,
      List<String> frameAncestors,
      List<String> trustedProxies,
      List<String> metricsFrom,
      String metricsTokenHash,
      RateLimit bookingPerAddress,
      RateLimit bookingPerEmail,
      RateLimit queriesPerAddress,
      RateLimit staffPerAddress,
      boolean rateShared,
      Duration idempotencyTtl,
      Duration freeTimeCache,
      int freeTimeCacheBytes,
      int ioThreads,
      int workerThreads,
      Staff staff,
      ProofOfWorkSettings proofOfWork,
      FeedSettings feed) {
    Values {
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
      Objects.requireNonNull(staffPerAddress, "staffPerAddress");
      Objects.requireNonNull(bodyTimeout, "bodyTimeout");
      Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
      Objects.requireNonNull(freeTimeCache, "freeTimeCache");
      Objects.requireNonNull(staff, "staff");
      Objects.requireNonNull(feed, "feed");
    }
  }

  /** The checked staff values. */
  private record StaffValues(
      Duration sessionTtl,
      Duration sessionIdle,
      String cookieSecure,
      RateLimit loginPerUser,
      RateLimit loginPerAddress,
      String trustedHeader,
      String initialAdmin,
      String initialAdminPassword,
      boolean totpRequiredForAdmins) {
    StaffValues {
      Objects.requireNonNull(sessionTtl, "sessionTtl");
      Objects.requireNonNull(sessionIdle, "sessionIdle");
      Objects.requireNonNull(cookieSecure, "cookieSecure");
      Objects.requireNonNull(loginPerUser, "loginPerUser");
      Objects.requireNonNull(loginPerAddress, "loginPerAddress");
    }
  }

  /** Staff authentication: the {@code civicdiary.staff.*} keys. */
  public static final class Staff {
    private final StaffValues values;

    private Staff(StaffValues values) {
      this.values = values;
    }

    /** A session's absolute lifetime, however much it is used. */
    public Duration sessionTtl() {
      return values.sessionTtl();
    }

    /** How long a session stays open unused. */
    public Duration sessionIdle() {
      return values.sessionIdle();
    }

    /** {@code auto}, {@code true} or {@code false}. */
    public String cookieSecure() {
      return values.cookieSecure();
    }

    public RateLimit loginPerUser() {
      return values.loginPerUser();
    }

    public RateLimit loginPerAddress() {
      return values.loginPerAddress();
    }

    /** The header a trusted reverse proxy names the signed-in user in, or null. */
    public String trustedHeader() {
      return values.trustedHeader();
    }

    /** The administrator created on first start, or null. */
    public String initialAdmin() {
      return values.initialAdmin();
    }

    /** The first administrator's password; never printed. */
    public String initialAdminPassword() {
      return values.initialAdminPassword();
    }

    /**
     * Whether an administrator must have a second factor (an authenticator app): until they enrol
     * one, they may do nothing else.
     */
    public boolean totpRequiredForAdmins() {
      return values.totpRequiredForAdmins();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Staff that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
      return values.hashCode();
    }

    /** Never prints the initial password. */
    @Override
    public String toString() {
      return "Staff[sessionTtl=" + sessionTtl() + ", sessionIdle=" + sessionIdle() + ", cookieSecure=" + cookieSecure() + ", loginPerUser="
          + loginPerUser() + ", loginPerAddress=" + loginPerAddress() + ", trustedHeader=" + trustedHeader()
          + ", initialAdmin=" + initialAdmin() + ", totpRequiredForAdmins=" + totpRequiredForAdmins() + "]";
    }
  }

  private WebSettings(Values values) {
    this.values = values;
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
    String metricsToken = s.string("civicdiary.web.metrics-token", null);
    if (metricsToken != null && metricsToken.strip().length() < 32) {
      throw new InvalidSetting("civicdiary.web.metrics-token must be at least 32 characters: make one with "
          + "'openssl rand -hex 32'");
    }
    Duration timeout = s.duration("civicdiary.web.request-timeout", Duration.ofSeconds(10));
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidSetting("civicdiary.web.request-timeout must be positive");
    }
    Duration sessionTtl = positive(s, "civicdiary.staff.session-ttl", Duration.ofHours(12));
    Duration sessionIdle = positive(s, "civicdiary.staff.session-idle", Duration.ofMinutes(30));
    if (sessionIdle.compareTo(sessionTtl) > 0) {
      throw new InvalidSetting("civicdiary.staff.session-idle (" + sessionIdle + ") must not be longer than "
          + "civicdiary.staff.session-ttl (" + sessionTtl + ")");
    }
    Duration bodyTimeout = s.duration("civicdiary.web.body-timeout", Duration.ofSeconds(10));
    if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
      throw new InvalidSetting("civicdiary.web.body-timeout must be positive");
    }
    return new WebSettings(new Values(
        s.string("civicdiary.web.host", "127.0.0.1"),
        s.integer("civicdiary.web.port", 8080, 0, 65535),
        prefix,
        publicUrl,
        template.replace("{base}", publicUrl + prefix),
        s.integer("civicdiary.web.max-body-bytes", 16 * 1024, 1024, 1024 * 1024),
        timeout,
        bodyTimeout,
        s.integer("civicdiary.web.connections-per-address", 256, 1, 100_000),
        corsOrigins(s),
        frameAncestors.isEmpty() ? List.of("'self'") : frameAncestors,
        proxies,
        // loopback only: behind a proxy on a private network every client would look private
        metricsFrom.isEmpty() ? List.of("127.0.0.0/8", "::1/128") : metricsFrom,
        metricsToken == null ? null : sha256(metricsToken.strip()),
        rate(s, "civicdiary.web.rate.booking-per-address", "10/PT1M"),
        rate(s, "civicdiary.web.rate.booking-per-email", "5/PT1H"),
        rate(s, "civicdiary.web.rate.queries-per-address", "300/PT1M"),
        rate(s, "civicdiary.web.rate.staff-per-address", "1200/PT1M"),
        s.flag(RATE_SHARED, false),
        s.duration("civicdiary.web.idempotency-ttl", Duration.ofHours(24)),
        s.duration("civicdiary.web.free-time-cache", Duration.ofSeconds(2)),
        s.integer("civicdiary.web.free-time-cache-bytes", 8 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
        s.integer("civicdiary.web.io-threads", Math.max(2, Runtime.getRuntime().availableProcessors()), 1, 256),
        s.integer("civicdiary.web.worker-threads", 32, 1, 1024),
        new Staff(new StaffValues(
            sessionTtl,
            sessionIdle,
            cookieSecure,
            rate(s, "civicdiary.staff.login-per-user", "5/PT15M"),
            rate(s, "civicdiary.staff.login-per-address", "20/PT15M"),
            trustedHeader,
            initialAdmin,
            initialPassword,
            s.flag("civicdiary.staff.totp-required-for-admins", false))),
        ProofOfWorkSettings.from(s),
        FeedSettings.from(s)));
  }

  private static Duration positive(Settings s, String key, Duration fallback) {
    Duration value = s.duration(key, fallback);
    if (value.isNegative() || value.isZero()) {
      throw new InvalidSetting(key + " must be positive");
    }
    return value;
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

  /**
   * Starts from the defaults CONFIGURATION.md lists. The builder sets the same keys that
   * {@link #from(Settings)} reads, and its {@code build()} reads them there: one set of checks.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The address the server listens on. */
  public String host() {
    return values.host();
  }

  /** The port the server listens on; 0 for any free one. */
  public int port() {
    return values.port();
  }

  /** The path the web module is mounted under: empty, or {@code /booking} and the like. */
  public String prefix() {
    return values.prefix();
  }

  /** The public URL in front of the prefix, without a trailing slash. */
  public String publicUrl() {
    return values.publicUrl();
  }

  /** The manage link with {@value #TOKEN} in place of the token. */
  public String manageLinkTemplate() {
    return values.manageLinkTemplate();
  }

  /** The largest request body accepted. */
  public int maxBodyBytes() {
    return values.maxBodyBytes();
  }

  /** How long a request may take before the client gets 503. */
  public Duration requestTimeout() {
    return values.requestTimeout();
  }

  /** The time a client has to send a request's whole body. */
  public Duration bodyTimeout() {
    return values.bodyTimeout();
  }

  /** The connections one client address may hold with requests on them (proxies are not capped). */
  public int connectionsPerAddress() {
    return values.connectionsPerAddress();
  }

  /** Staff requests, login included, per client address: counted before the body is read. */
  public RateLimit staffPerAddress() {
    return values.staffPerAddress();
  }

  /** The origins whose pages may call the API. */
  public List<String> corsOrigins() {
    return values.corsOrigins();
  }

  /** Who may show the pages in a frame. */
  public List<String> frameAncestors() {
    return values.frameAncestors();
  }

  /** The reverse proxies whose forwarded headers count. */
  public List<String> trustedProxies() {
    return values.trustedProxies();
  }

  /** The networks allowed to read the metrics. */
  public List<String> metricsFrom() {
    return values.metricsFrom();
  }

  /**
   * The hex SHA-256 of the token that lets a scraper read the metrics from anywhere (as {@code
   * Authorization: Bearer}), or null when only {@link #metricsFrom()} may. Only the hash is kept.
   */
  public String metricsTokenHash() {
    return values.metricsTokenHash();
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public RateLimit bookingPerAddress() {
    return values.bookingPerAddress();
  }

  public RateLimit bookingPerEmail() {
    return values.bookingPerEmail();
  }

  public RateLimit queriesPerAddress() {
    return values.queriesPerAddress();
  }

  /**
   * Whether the per-address limits (queries, bookings, staff requests) are counted in the database
   * that all nodes share, so that they hold in total rather than per node. Off by default: each node
   * counts on its own. Needs the PostgreSQL storage.
   */
  public boolean rateShared() {
    return values.rateShared();
  }

  /** How long an Idempotency-Key is remembered. */
  public Duration idempotencyTtl() {
    return values.idempotencyTtl();
  }

  /** How long free times are cached. */
  /** The officials' calendar feeds ({@code civicdiary.feed.*}). */
  public FeedSettings feed() {
    return values.feed();
  }

  public Duration freeTimeCache() {
    return values.freeTimeCache();
  }

  /** The most the answer cache holds, in bytes. */
  public int freeTimeCacheBytes() {
    return values.freeTimeCacheBytes();
  }

  public int ioThreads() {
    return values.ioThreads();
  }

  public int workerThreads() {
    return values.workerThreads();
  }

  /** {@code civicdiary.pow.*}: the proof of work on public writes. */
  public ProofOfWorkSettings proofOfWork() {
    return values.proofOfWork();
  }

  public Staff staff() {
    return values.staff();
  }

  /** The manage link for a token: the page a citizen opens. */
  public String manageLink(String token) {
    return manageLinkTemplate().replace(TOKEN, token);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebSettings that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "WebSettings" + values.toString().substring("Values".length());
  }

  /** Sets {@code civicdiary.web.*} and {@code civicdiary.staff.*} keys in code; a null value means the default. */
  public static final class Builder {
    private Settings keys = Settings.of(Map.of());

    private Builder() {}

    /** {@code civicdiary.web.host}. */
    public Builder host(String value) {
      return set("civicdiary.web.host", value);
    }

    /** {@code civicdiary.web.port}. */
    public Builder port(int value) {
      return set("civicdiary.web.port", value);
    }

    /** {@code civicdiary.web.prefix}. */
    public Builder prefix(String value) {
      return set("civicdiary.web.prefix", value);
    }

    /** {@code civicdiary.public-url}: The public URL in front of the prefix, e.g. {@code https://diar.praha6.cz}. */
    public Builder publicUrl(String value) {
      return set("civicdiary.public-url", value);
    }

    /** {@code civicdiary.web.manage-link}: A template with {@code {base}} and {@value WebSettings#TOKEN}. */
    public Builder manageLink(String value) {
      return set("civicdiary.web.manage-link", value);
    }

    /** {@code civicdiary.web.max-body-bytes}. */
    public Builder maxBodyBytes(int value) {
      return set("civicdiary.web.max-body-bytes", value);
    }

    /** {@code civicdiary.web.body-timeout}. */
    public Builder bodyTimeout(Duration value) {
      return set("civicdiary.web.body-timeout", value);
    }

    /** {@code civicdiary.web.connections-per-address}. */
    public Builder connectionsPerAddress(int value) {
      return set("civicdiary.web.connections-per-address", value);
    }

    /** {@code civicdiary.web.rate.staff-per-address}. */
    public Builder staffPerAddress(RateLimit value) {
      return set("civicdiary.web.rate.staff-per-address", value);
    }

    /** {@code civicdiary.web.request-timeout}. */
    public Builder requestTimeout(Duration value) {
      return set("civicdiary.web.request-timeout", value);
    }

    /** {@code civicdiary.web.cors-origins}. */
    public Builder corsOrigins(List<String> value) {
      return set("civicdiary.web.cors-origins", value == null ? null : String.join(",", value));
    }

    /** {@code civicdiary.web.frame-ancestors}. */
    public Builder frameAncestors(List<String> value) {
      return set("civicdiary.web.frame-ancestors", value == null ? null : String.join(",", value));
    }

    /** {@code civicdiary.web.trusted-proxies}. */
    public Builder trustedProxies(List<String> value) {
      return set("civicdiary.web.trusted-proxies", value == null ? null : String.join(",", value));
    }

    /** {@code civicdiary.web.metrics-from}. */
    public Builder metricsFrom(List<String> value) {
      return set("civicdiary.web.metrics-from", value == null ? null : String.join(",", value));
    }

    /** {@code civicdiary.web.metrics-token}. */
    public Builder metricsToken(String value) {
      return set("civicdiary.web.metrics-token", value);
    }

    /** {@code civicdiary.web.rate.booking-per-address}. */
    public Builder bookingPerAddress(RateLimit value) {
      return set("civicdiary.web.rate.booking-per-address", value);
    }

    /** {@code civicdiary.web.rate.booking-per-email}. */
    public Builder bookingPerEmail(RateLimit value) {
      return set("civicdiary.web.rate.booking-per-email", value);
    }

    /** {@code civicdiary.web.rate.shared}. */
    public Builder rateShared(boolean value) {
      return set(RATE_SHARED, value);
    }

    /** {@code civicdiary.web.rate.queries-per-address}. */
    public Builder queriesPerAddress(RateLimit value) {
      return set("civicdiary.web.rate.queries-per-address", value);
    }

    /** {@code civicdiary.web.idempotency-ttl}. */
    public Builder idempotencyTtl(Duration value) {
      return set("civicdiary.web.idempotency-ttl", value);
    }

    /** {@code civicdiary.web.free-time-cache-bytes}. */
    public Builder freeTimeCacheBytes(int value) {
      return set("civicdiary.web.free-time-cache-bytes", value);
    }

    /** {@code civicdiary.web.free-time-cache}. */
    public Builder freeTimeCache(Duration value) {
      return set("civicdiary.web.free-time-cache", value);
    }

    /** {@code civicdiary.web.io-threads}. */
    public Builder ioThreads(int value) {
      return set("civicdiary.web.io-threads", value);
    }

    /** {@code civicdiary.web.worker-threads}. */
    public Builder workerThreads(int value) {
      return set("civicdiary.web.worker-threads", value);
    }

    /** {@code civicdiary.staff.session-ttl}: a session's absolute lifetime. */
    public Builder sessionTtl(Duration value) {
      return set("civicdiary.staff.session-ttl", value);
    }

    /** {@code civicdiary.staff.session-idle}: how long a session stays open unused. */
    public Builder sessionIdle(Duration value) {
      return set("civicdiary.staff.session-idle", value);
    }

    /** {@code civicdiary.staff.cookie-secure}: {@code auto}, {@code true} or {@code false}. */
    public Builder cookieSecure(String value) {
      return set("civicdiary.staff.cookie-secure", value);
    }

    /** {@code civicdiary.staff.login-per-user}. */
    public Builder loginPerUser(RateLimit value) {
      return set("civicdiary.staff.login-per-user", value);
    }

    /** {@code civicdiary.staff.login-per-address}. */
    public Builder loginPerAddress(RateLimit value) {
      return set("civicdiary.staff.login-per-address", value);
    }

    /** {@code civicdiary.staff.trusted-header}. */
    public Builder trustedHeader(String value) {
      return set("civicdiary.staff.trusted-header", value);
    }

    /** {@code civicdiary.staff.initial-admin} and {@code civicdiary.staff.initial-admin-password}: both or neither. */
    public Builder initialAdmin(String user, String password) {
      set("civicdiary.staff.initial-admin", user);
      return set("civicdiary.staff.initial-admin-password", password);
    }

    /** {@code civicdiary.pow.max-number}: 0 turns the proof of work off. */
    public Builder powMaxNumber(long value) {
      return set(ProofOfWorkSettings.MAX_NUMBER, value);
    }

    /** {@code civicdiary.pow.hmac-key}: at least 32 characters; left out, a generated key is kept in the database. */
    public Builder powHmacKey(String value) {
      return set(ProofOfWorkSettings.HMAC_KEY, value);
    }

    /** Checks the values as {@link WebSettings#from(Settings)} does; {@link InvalidSetting} names the key. */
    public WebSettings build() {
      return from(keys);
    }

    /** {@code civicdiary.staff.totp-required-for-admins}. */
    public Builder totpRequiredForAdmins(boolean value) {
      return set("civicdiary.staff.totp-required-for-admins", value);
    }

    private Builder set(String key, Object value) {
      keys = keys.with(key, value);
      return this;
    }
  }
}
