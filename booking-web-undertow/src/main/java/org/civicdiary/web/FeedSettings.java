/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.time.Duration;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * How officials' calendar feeds are served. Whether events name the citizen is each office's rule
 * ({@code BookingPolicy.feedShowsCitizenNames}), no longer a setting.
 *
 * @param topicLength {@code civicdiary.feed.topic-length}: the topic is cut to this many characters,
 *     "…" included (default 40)
 * @param perToken {@code civicdiary.feed.rate-per-token}: reads of one feed (default 30/PT1H;
 *     calendar programs poll every few minutes at most); reads per client address also count
 *     against {@code civicdiary.web.rate.queries-per-address}
 * @param cacheFor {@code civicdiary.feed.cache}: how long a rendered feed is served before it is
 *     rendered again (default PT1M)
 */
public record FeedSettings(int topicLength, RateLimit perToken, Duration cacheFor) {
  /** The deployment-wide switch that the office policy replaced; a server that still sets it stops at start. */
  static final String REMOVED_CITIZEN_NAMES = "civicdiary.feed.citizen-names";

  public FeedSettings {
    if (topicLength < 2) {
      throw new IllegalArgumentException("topicLength must be at least 2");
    }
    Objects.requireNonNull(perToken, "perToken");
    Objects.requireNonNull(cacheFor, "cacheFor");
  }

  static FeedSettings from(Settings s) {
    if (s.string(REMOVED_CITIZEN_NAMES, null) != null) {
      // Failing beats ignoring it: a deployment that set it to true would silently lose the names,
      // one that set it to false might not notice an office allowing them.
      throw new InvalidSetting(REMOVED_CITIZEN_NAMES + " (" + Settings.variable(REMOVED_CITIZEN_NAMES)
          + ") is no longer read: whether officials' feeds name the citizen is now each office's rule."
          + " Remove the setting and set the office policy's feedShowsCitizenNames instead (staff console:"
          + " Office; API: PUT /api/v1/staff/offices/{id}; or the directory import document)");
    }
    String rateKey = "civicdiary.feed.rate-per-token";
    return new FeedSettings(
        s.integer("civicdiary.feed.topic-length", 40, 2, 2000),
        RateLimit.parse(rateKey, s.string(rateKey, "30/PT1H")),
        s.duration("civicdiary.feed.cache", Duration.ofMinutes(1)));
  }
}
