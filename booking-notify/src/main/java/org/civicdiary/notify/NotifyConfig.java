/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.PublicUrl;
import org.civicdiary.booking.settings.Settings;

/**
 * How the outbox is worked and what the messages link to: the {@code civicdiary.notify.*} keys (see
 * CONFIGURATION.md).
 *
 * @param publicBaseUrl where citizens reach civic-diary's pages: {@code civicdiary.public-url} plus
 *     {@code civicdiary.web.prefix}, unless {@code civicdiary.notify.public-base-url} overrides it;
 *     manage links are this plus {@code /manage/{token}}
 * @param templates a folder searched for templates before the built-in ones, or null
 * @param pollInterval how often an idle dispatcher looks for due messages
 * @param batchSize how many messages one claim takes
 * @param lease how long a claimed message stays away from other workers before it is claimed again
 * @param maxAttempts after this many failed attempts a message is parked for the operators
 * @param retryInitial the wait after the first failure; each further failure doubles it
 * @param retryMax the longest wait between attempts
 * @param stopGrace how long stopping waits for the message being sent
 * @param threads how many background threads send at once (each with its own SMTP connection)
 */
public record NotifyConfig(
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

  /** The key of the e-mails' own base URL: an override of {@link PublicUrl#KEY} plus the web prefix. */
  public static final String BASE_KEY = "civicdiary.notify.public-base-url";

  public NotifyConfig {
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
    return new NotifyConfig(
        base,
        templates,
        settings.duration("civicdiary.notify.poll-interval", Duration.ofMillis(500)),
        settings.integer("civicdiary.notify.batch-size", 50, 1, 1000),
        settings.duration("civicdiary.notify.lease", Duration.ofMinutes(5)),
        settings.integer("civicdiary.notify.max-attempts", 15, 1, 1000),
        settings.duration("civicdiary.notify.retry-initial", Duration.ofSeconds(30)),
        settings.duration("civicdiary.notify.retry-max", Duration.ofHours(1)),
        settings.duration("civicdiary.notify.stop-grace", Duration.ofSeconds(10)),
        settings.integer("civicdiary.notify.threads", 2, 1, 64));
  }

  /** The citizen's page for a reservation: only a GET that shows it; changes are POSTs after confirming. */
  public String manageLink(String token) {
    return publicBaseUrl + "/manage/" + token;
  }

  private static void positive(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isZero() || value.isNegative()) {
      throw new InvalidSetting(key + " (" + Settings.variable(key) + ") must be longer than zero");
    }
  }
}
