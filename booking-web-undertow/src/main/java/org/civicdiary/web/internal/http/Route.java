/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import java.util.Map;
import java.util.Objects;
import org.civicdiary.web.internal.problem.Problems;

/**
 * One line of the routes table: method, path template (relative to the mount prefix, with {@code
 * {name}} segments), who may call it, its rate-limit group and its action. The OpenAPI document is
 * checked against this table.
 */
public record Route(String method, String template, Access access, Limit limit, Problems.Disclosure disclosure, Action action,
    int maxBodyBytes) {

  /** Who may call a route. */
  public enum Access {
    /** Anyone: citizens, the widget, integrators (CORS allow-list applies). */
    PUBLIC,
    /** Authenticated staff; what they may do is the core's decision (their role). */
    STAFF,
    /** Staff login: anonymous, but CSRF-checked and throttled. */
    LOGIN,
    /** Health, metrics and the API document: no CORS, no session. */
    OPERATIONS
  }

  /** Which rate-limit bucket a route draws from. */
  public enum Limit {
    NONE,
    QUERY,
    BOOKING
  }

  /** What a route does, on a worker thread. */
  @FunctionalInterface
  public interface Action {
    Reply handle(Call call);
  }

  /** A route whose body limit is the configured one ({@code civicdiary.web.max-body-bytes}). */
  public Route(String method, String template, Access access, Limit limit, Problems.Disclosure disclosure,
      Action action) {
    this(method, template, access, limit, disclosure, action, 0);
  }

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(disclosure, "disclosure");
    Objects.requireNonNull(action, "action");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("template must start with /: " + template);
    }
  }

  /** The largest body this route reads: its own limit, or else the configured one. */
  int bodyLimit(int configured) {
    return maxBodyBytes > 0 ? maxBodyBytes : configured;
  }

  String[] segments() {
    return template.substring(1).split("/", -1);
  }

  /** Whether a state-changing method (CSRF checks, no caching). */
  public boolean changes() {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  /**
   * The path parameters if the path's segments fit the template, or null.
   */
  static Map<String, String> match(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{")) {
        // "{token}.ics": a parameter with a fixed suffix
        int close = t.indexOf('}');
        String suffix = t.substring(close + 1);
        if (path[i].length() <= suffix.length() || !path[i].endsWith(suffix)) {
          return null;
        }
        if (params == null) {
          params = new java.util.HashMap<>(4);
        }
        params.put(t.substring(1, close), path[i].substring(0, path[i].length() - suffix.length()));
      } else if (!t.equals(path[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  @Override
  public String toString() {
    return method + " " + template + " (" + access + ", limit " + limit + ")";
  }
}
