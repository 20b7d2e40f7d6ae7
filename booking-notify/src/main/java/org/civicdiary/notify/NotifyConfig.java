/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.PublicUrl;
import org.civicdiary.booking.settings.Settings;

/**
 * How the outbox is worked and what the messages link to: the {@code civicdiary.notify.*} keys (see
 * CONFIGURATION.md), read with {@link #from(Settings)} or set in code with {@link #builder()}.
 */
public final class NotifyConfig {
  /** The key of the e-mails' own base URL: an override of {@link PublicUrl#KEY} plus the web prefix. */
  public static final String BASE_KEY = "civicdiary.notify.public-base-url";

  private final Values values;

  /** The checked values; a record for equality, private so that a new setting breaks no caller. */
  private record Values(
      URI publicBaseUrl,
      Path templates,
      Duration pollInterval,
      int batchSize,
      Duration lease,
      int maxAttempts,
      Duration retryInitial,
      Duration retryMax,
      Duration stopGrace,
      int threads) {
    Values {
      Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
      positive("civicdiary.notify.poll-interval", pollInterval);
      positive("civicdiary.notify.lease", lease);
      positive("civicdiary.notify.retry-initial", retryInitial);
      positive("civicdiary.notify.retry-max", retryMax);
      Objects.requireNonNull(stopGrace, "stopGrace");
      if (retryMax.compareTo(retryInitial) < 0) {
        throw new InvalidSetting("civicdiary.notify.retry-max must not be shorter than civicdiary.notify.retry-initial");
      }
      if (batchSize < 1 || maxAttempts < 1 || threads < 1) {
        throw new InvalidSetting(
            "civicdiary.notify.batch-size, civicdiary.notify.max-attempts and civicdiary.notify.threads must be at least 1");
      }
    }
  }

  private NotifyConfig(Values values) {
    this.values = values;
  }

  /** Reads and checks the {@code civicdiary.notify.*} keys. */
  public static NotifyConfig from(Settings settings) {
    URI derived = PublicUrl.withPrefix(settings);
    String own = settings.string(BASE_KEY, null);
    URI base = own == null ? derived : PublicUrl.parse(BASE_KEY, own);
    if (own != null && PublicUrl.isSet(settings)) {
      PublicUrl.sameOrigin(PublicUrl.sourceKey(settings), PublicUrl.of(settings), BASE_KEY, base);
    }
    String folder = settings.string("civicdiary.notify.templates", null);
    Path templates = folder == null ? null : Path.of(folder);
    if (templates != null && !Files.isDirectory(templates)) {
      throw new InvalidSetting("civicdiary.notify.templates (CIVICDIARY_NOTIFY_TEMPLATES) is '" + folder
          + "' but must be an existing folder");
    }
    return new NotifyConfig(new Values(
        base,
        templates,
        settings.duration("civicdiary.notify.poll-interval", Duration.ofMillis(500)),
        settings.integer("civicdiary.notify.batch-size", 10, 1, 1000),
        settings.duration("civicdiary.notify.lease", Duration.ofSeconds(30)),
        settings.integer("civicdiary.notify.max-attempts", 15, 1, 1000),
        settings.duration("civicdiary.notify.retry-initial", Duration.ofSeconds(30)),
        settings.duration("civicdiary.notify.retry-max", Duration.ofHours(1)),
        settings.duration("civicdiary.notify.stop-grace", Duration.ofSeconds(10)),
        settings.integer("civicdiary.notify.threads", 2, 1, 64)));
  }

  /**
   * Starts from the defaults CONFIGURATION.md lists. The builder sets the same keys that
   * {@link #from(Settings)} reads, and its {@code build()} reads them there: one set of checks.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where citizens reach civic-diary's pages: {@code civicdiary.public-url} plus {@code
   * civicdiary.web.prefix}, unless {@value #BASE_KEY} overrides it; manage links are this plus
   * {@code /manage/{token}}.
   */
  public URI publicBaseUrl() {
    return values.publicBaseUrl();
  }

  /** A folder searched for templates before the built-in ones, or null. */
  public Path templates() {
    return values.templates();
  }

  /** How often an idle worker looks for due messages. */
  public Duration pollInterval() {
    return values.pollInterval();
  }

  /**
   * How many messages one claim takes: few, so that a worker holds only what it is about to send
   * and the other nodes' workers take the rest.
   */
  public int batchSize() {
    return values.batchSize();
  }

  /**
   * How long a claimed message stays away from other workers unless its worker renews the lease
   * (every third of it, while it holds the message): how soon a dead node's messages come back.
   */
  public Duration lease() {
    return values.lease();
  }

  /** After this many failed attempts a message is parked for the operators. */
  public int maxAttempts() {
    return values.maxAttempts();
  }

  /** The wait after the first failure; each further failure doubles it. */
  public Duration retryInitial() {
    return values.retryInitial();
  }

  /** The longest wait between attempts. */
  public Duration retryMax() {
    return values.retryMax();
  }

  /** How long stopping waits for the message being sent. */
  public Duration stopGrace() {
    return values.stopGrace();
  }

  /** How many background threads send at once (each with its own SMTP connection); two by default. */
  public int threads() {
    return values.threads();
  }

  /** The page that confirms a waiting-list entry's address: a GET shows it, the confirmation is a POST. */
  public String waitingListEntryLink(String token) {
    return publicBaseUrl() + "/waiting-list/entry/" + token;
  }

  /** The page of a time offered from the waiting list: a GET shows it; taking or declining is a POST. */
  public String waitingListOfferLink(String token) {
    return publicBaseUrl() + "/waiting-list/offer/" + token;
  }

  /** The citizen's page for a reservation: only a GET that shows it; changes are POSTs after confirming. */
  public String manageLink(String token) {
    return publicBaseUrl() + "/manage/" + token;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NotifyConfig that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "NotifyConfig" + values.toString().substring("Values".length());
  }

  private static void positive(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isZero() || value.isNegative()) {
      throw new InvalidSetting(key + " (" + Settings.variable(key) + ") must be longer than zero");
    }
  }

  /** Sets {@code civicdiary.notify.*} keys in code; a null value means the default. */
  public static final class Builder {
    private Settings keys = Settings.of(Map.of());

    private Builder() {}

    /** {@value NotifyConfig#BASE_KEY}; without it, {@code http://localhost:8080}. */
    public Builder publicBaseUrl(URI value) {
      return set(BASE_KEY, value);
    }

    /** {@code civicdiary.notify.templates}: an existing folder. */
    public Builder templates(Path value) {
      return set("civicdiary.notify.templates", value);
    }

    /** {@code civicdiary.notify.poll-interval}. */
    public Builder pollInterval(Duration value) {
      return set("civicdiary.notify.poll-interval", value);
    }

    /** {@code civicdiary.notify.batch-size}: 1 to 1000. */
    public Builder batchSize(int value) {
      return set("civicdiary.notify.batch-size", value);
    }

    /** {@code civicdiary.notify.lease}. */
    public Builder lease(Duration value) {
      return set("civicdiary.notify.lease", value);
    }

    /** {@code civicdiary.notify.max-attempts}: 1 to 1000. */
    public Builder maxAttempts(int value) {
      return set("civicdiary.notify.max-attempts", value);
    }

    /** {@code civicdiary.notify.retry-initial}. */
    public Builder retryInitial(Duration value) {
      return set("civicdiary.notify.retry-initial", value);
    }

    /** {@code civicdiary.notify.retry-max}: not shorter than the first wait. */
    public Builder retryMax(Duration value) {
      return set("civicdiary.notify.retry-max", value);
    }

    /** {@code civicdiary.notify.stop-grace}. */
    public Builder stopGrace(Duration value) {
      return set("civicdiary.notify.stop-grace", value);
    }

    /** {@code civicdiary.notify.threads}: 1 to 64. */
    public Builder threads(int value) {
      return set("civicdiary.notify.threads", value);
    }

    /** Checks the values as {@link NotifyConfig#from(Settings)} does; {@link InvalidSetting} names the key. */
    public NotifyConfig build() {
      return from(keys);
    }

    private Builder set(String key, Object value) {
      keys = keys.with(key, value);
      return this;
    }
  }
}
