/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.regex.Pattern;
import org.civicdiary.booking.error.InvalidInput;

/** Validation shared by the records' compact constructors; every failure names the field. */
final class Check {
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  // Practical e-mail syntax: a dot-atom local part of at most 64 characters (no leading, trailing
  // or doubled dot: mail servers refuse those), one @, a dotted domain, no spaces or control characters.
  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final Pattern EMAIL = Pattern.compile("(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*"
      + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ]{2,23}");

  private Check() {}

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new InvalidInput(field, "is required");
    }
    return value;
  }

  static String code(String field, String value) {
    present(field, value);
    if (!CODE.matcher(value).matches()) {
      throw new InvalidInput(field, "must be 1-64 lower-case letters, digits or '-'");
    }
    return value;
  }

  /** Trimmed single-line text, non-empty, at most {@code max} characters, no control characters. */
  static String line(String field, String value, int max) {
    present(field, value);
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInput(field, "must not be empty");
    }
    if (trimmed.length() > max) {
      throw new InvalidInput(field, "must be at most " + max + " characters");
    }
    if (trimmed.codePoints().anyMatch(Check::isControl)) {
      throw new InvalidInput(field, "must not contain control characters");
    }
    return trimmed;
  }

  static String optionalLine(String field, String value, int max) {
    return value == null || value.isBlank() ? null : line(field, value, max);
  }

  /** Free text that may span lines (tabs and line breaks allowed, other control characters not). */
  static String text(String field, String value, int max) {
    present(field, value);
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      throw new InvalidInput(field, "must be at most " + max + " characters");
    }
    if (trimmed.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && isControl(c))) {
      throw new InvalidInput(field, "must not contain control characters");
    }
    return trimmed;
  }

  static String email(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
      throw new InvalidInput(field, "is not a valid e-mail address");
    }
    return trimmed;
  }

  static String phone(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (!PHONE.matcher(trimmed).matches()) {
      throw new InvalidInput(field, "must be digits and spaces, optionally starting with +, at most 24 characters");
    }
    return trimmed;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidInput(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  private static boolean isControl(int c) {
    return Character.getType(c) == Character.CONTROL
        || Character.getType(c) == Character.FORMAT && c != 0x200D // zero-width joiner is part of some names
        || c == 0x2028
        || c == 0x2029;
  }
}
