/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Locale;
import org.civicdiary.booking.error.InvalidInput;

/** The languages citizens are served in. */
public enum Language {
  CS,
  EN;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag());
  }

  /** Parses {@code cs} or {@code en} (any case). */
  public static Language of(String tag) {
    Check.present("language", tag);
    for (Language l : values()) {
      if (l.tag().equalsIgnoreCase(tag.strip())) {
        return l;
      }
    }
    throw new InvalidInput("language", "must be cs or en");
  }
}
