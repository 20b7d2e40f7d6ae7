/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdiary.booking.error.ProblemType;

/**
 * An RFC 9457 problem detail. {@code code} is the last part of {@code type}, for clients that
 * translate errors; {@code field} names the request field at fault, when there is one; {@code
 * extra} holds further members (the slot's {@code reason}, the broken {@code policy}).
 */
public record Problem(String type, String title, int status, String detail, String code, String field,
    Map<String, Object> extra) {
  static final String TYPE_PREFIX = "urn:civicdiary:problem:";

  public Problem {
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** A problem of the core's catalogue. */
  static Problem of(ProblemType type, String detail, String field) {
    return new Problem(TYPE_PREFIX + type.code(), type.title(), type.status(), detail, type.code(), field, null);
  }

  /** A problem of the web layer's catalogue. */
  public static Problem of(Refusal refusal, String detail, String field) {
    return new Problem(TYPE_PREFIX + refusal.code(), refusal.title(), refusal.status(), detail, refusal.code(), field, null);
  }

  public Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extra);
    more.put(name, value);
    return new Problem(type, title, status, detail, code, field, more);
  }

  /** The members in the order RFC 9457 lists them, then ours. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("title", title);
    json.put("status", status);
    if (detail != null) {
      json.put("detail", detail);
    }
    json.put("code", code);
    if (field != null) {
      json.put("field", field);
    }
    json.putAll(extra);
    return json;
  }
}
