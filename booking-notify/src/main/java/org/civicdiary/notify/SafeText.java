/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.util.regex.Pattern;

/** Text made safe for the places it goes: headers, calendar properties, stored errors. */
final class SafeText {
  private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");
  private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
  private static final int ERROR_LIMIT = 500;

  private SafeText() {}

  /** One line: no value reaches a header with a line break or another control character in it. */
  static String oneLine(String value) {
    return BREAKS.matcher(value).replaceAll(" ").strip();
  }

  /**
   * Why an attempt failed, as stored with the message and shown to operators: one line, short, and
   * without the e-mail addresses that mail servers like to quote back.
   */
  static String error(String value) {
    String line = EMAIL.matcher(oneLine(value == null ? "unknown error" : value)).replaceAll("<address>");
    return line.length() <= ERROR_LIMIT ? line : line.substring(0, ERROR_LIMIT - 1) + "…";
  }

  /** A throwable's description for {@link #error}. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
