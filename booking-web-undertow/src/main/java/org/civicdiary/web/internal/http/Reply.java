/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import java.util.Map;

/** What an action answers: status, content type, body bytes and extra headers. */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  public static final String JSON = "application/json";

  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply ok(Object value) {
    return json(200, value);
  }

  public static Reply json(int status, Object value) {
    return new Reply(status, JSON, Json.write(value), Map.of());
  }

  public static Reply bytes(int status, String contentType, byte[] body) {
    return new Reply(status, contentType, body, Map.of());
  }

  public static Reply noContent() {
    return new Reply(204, null, new byte[0], Map.of());
  }

  public Reply header(String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }
}
