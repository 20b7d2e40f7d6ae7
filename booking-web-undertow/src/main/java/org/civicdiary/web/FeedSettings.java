/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.time.Duration;
import java.util.Objects;
import org.civicdiary.booking.settings.Settings;

/**
 * How officials' calendar feeds are served.
 *
 * @param topicLength {@code civicdiary.feed.topic-length}: the topic is cut to this many characters,
 *     "…" included (default 40)
 * @param citizenNames {@code civicdiary.feed.citizen-names}: whether events name the citizen (default
 *     false: a calendar synchronised to a phone or a cloud service is a copy of personal data, so the
 *     deployment must allow it on purpose)
 * @param perToken {@code civicdiary.feed.rate-per-token}: reads of one feed (default 30/PT1H;
 *     calendar programs poll every few minutes at most); reads per client address also count
 *     against {@code civicdiary.web.rate.queries-per-address}
 * @param cacheFor {@code civicdiary.feed.cache}: how long a rendered feed is served before it is
 *     rendered again (default PT1M)
 */
public record FeedSettings(int topicLength, boolean citizenNames, RateLimit perToken, Duration cacheFor) {
  public FeedSettings {
    if (topicLength < 2) {
      throw new IllegalArgumentException("topicLength must be at least 2");
    }
    Objects.requireNonNull(perToken, "perToken");
    Objects.requireNonNull(cacheFor, "cacheFor");
  }

  static FeedSettings from(Settings s) {
    String rateKey = "civicdiary.feed.rate-per-token";
    return new FeedSettings(
        s.integer("civicdiary.feed.topic-length", 40, 2, 2000),
        s.flag("civicdiary.feed.citizen-names", false),
        RateLimit.parse(rateKey, s.string(rateKey, "30/PT1H")),
        s.duration("civicdiary.feed.cache", Duration.ofMinutes(1)));
  }
}
