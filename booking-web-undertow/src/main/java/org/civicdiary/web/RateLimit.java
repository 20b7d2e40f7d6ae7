/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;

/**
 * A token bucket: at most {@code capacity} requests at once, refilled at {@code capacity} per
 * {@code period}. Written in settings as {@code capacity/period}, e.g. {@code 10/PT1M}.
 */
public record RateLimit(int capacity, Duration period) {
  public RateLimit {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive");
    }
  }

  /** Reads {@code capacity/period}; the period is an ISO-8601 duration or a number of seconds. */
  public static RateLimit parse(String key, String text) {
    String[] parts = text.split("/", -1);
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      String period = parts[1].strip();
      Duration duration = period.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(period))
          : Duration.parse(period);
      return new RateLimit(Integer.parseInt(parts[0].strip()), duration);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidSetting(key + " is '" + text + "' but must be capacity/period, e.g. 10/PT1M");
    }
  }

  @Override
  public String toString() {
    return capacity + "/" + period;
  }
}
