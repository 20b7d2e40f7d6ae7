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
  /** A scheme before {@code //}, and the schemes that need none, which mail clients turn into links. */
  private static final Pattern SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{0,20}):(?=//)|\\b(mailto|javascript|data):");
  /** A host name (at least one dot, ending in letters) or an IPv4 address, as mail clients recognise them. */
  private static final Pattern HOST = Pattern.compile(
      "[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)*\\.\\p{L}{2,}(?![\\p{L}\\p{N}_-])|\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");

  private SafeText() {}

  /** One line: no value reaches a header with a line break or another control character in it. */
  static String oneLine(String value) {
    return BREAKS.matcher(value).replaceAll(" ").strip();
  }

  /**
   * Text a citizen wrote (a topic, a name), made so that no mail or calendar client shows a link in
   * it: a scheme's colon becomes {@code [:]} and a host name's dots {@code [.]}, the way security
   * reports write addresses nobody should click ("defanged"). The words stay readable, so the
   * citizen still sees what they wrote; only the town hall's mail no longer offers a stranger's URL
   * as a link. Something like {@code ul.Husova} is changed too, which costs nothing but looks.
   */
  static String unlinked(String value) {
    String schemes = SCHEME.matcher(value).replaceAll(m -> (m.group(1) != null ? m.group(1) : m.group(2)) + "[:]");
    return HOST.matcher(schemes).replaceAll(m -> m.group().replace(".", "[.]"));
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
