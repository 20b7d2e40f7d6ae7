/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import java.util.Map;
import java.util.function.Supplier;

/** What an action answers: status, content type, body bytes and extra headers. */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, Supplier<byte[]> plain) {
  public static final String JSON = "application/json";

  /**
   * @param plain for a body kept gzip-encoded, where to get it uncompressed (the answer cache keeps
   *     that once made); null: decompressed when a client that does not accept gzip asks
   */
  public Reply {
    headers = Map.copyOf(headers);
  }

  public Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    this(status, contentType, body, headers, null);
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
    return new Reply(status, contentType, body, more, plain);
  }

  /** The same answer, gzip-encoded, with where to get it uncompressed. */
  Reply gzipped(Supplier<byte[]> uncompressed) {
    return new Reply(status, contentType, body, headers, uncompressed).header("Content-Encoding", Gzip.ENCODING);
  }
}
