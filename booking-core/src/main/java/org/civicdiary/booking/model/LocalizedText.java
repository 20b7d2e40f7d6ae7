/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** A short text in Czech and English, e.g. the name of a department. */
public record LocalizedText(String cs, String en) {
  public LocalizedText {
    cs = Check.line("cs", cs, 200);
    en = Check.line("en", en, 200);
  }

  public static LocalizedText of(String cs, String en) {
    return new LocalizedText(cs, en);
  }

  public String in(Language language) {
    return language == Language.CS ? cs : en;
  }
}
