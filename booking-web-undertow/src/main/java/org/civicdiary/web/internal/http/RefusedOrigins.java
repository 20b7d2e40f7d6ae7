/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator once per origin that a portal's widget was refused by CORS, with the key to
 * set. Remembers a bounded number of origins, since any client can send any Origin header; past
 * that it says once that it stops naming them.
 */
public final class RefusedOrigins {
  static final int CAPACITY = 100;
  private static final int LONGEST = 200;
  private static final Logger LOG = LoggerFactory.getLogger(Cors.class);
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean full = new AtomicBoolean();
  private final int capacity;
  private final Consumer<String> warn;

  public RefusedOrigins() {
    this(CAPACITY, LOG::warn);
  }

  RefusedOrigins(int capacity, Consumer<String> warn) {
    this.capacity = capacity;
    this.warn = warn;
  }

  void refused(String origin) {
    String shown = printable(origin);
    if (seen.contains(shown)) {
      return;
    }
    if (seen.size() >= capacity) {
      if (full.compareAndSet(false, true)) {
        warn.accept("CORS refused more than " + capacity + " different origins; further ones are not logged");
      }
      return;
    }
    if (seen.add(shown)) {
      warn.accept("CORS refused the origin " + shown + ": a page there embeds the booking widget, which cannot "
          + "call the API. If it is your portal, add it to civicdiary.web.cors-origins (CIVICDIARY_WEB_CORS_ORIGINS)");
    }
  }

  /** An Origin header is the client's text: no control characters into the log, and not too long. */
  private static String printable(String origin) {
    String cut = origin.length() > LONGEST ? origin.substring(0, LONGEST) + "…" : origin;
    return cut.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
  }
}
