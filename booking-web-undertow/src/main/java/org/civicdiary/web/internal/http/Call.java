/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.DateTimeException;
import java.util.Deque;
import java.util.Map;
import java.util.function.Function;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.web.internal.api.Bodies;
import org.civicdiary.web.internal.http.limits.ClientAddress;
import org.civicdiary.web.internal.problem.HttpProblem;

/** One request as an action sees it: parameters, body, caller. */
public final class Call {
  static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);
  public static final AttachmentKey<StaffMember> MEMBER = AttachmentKey.create(StaffMember.class);
  private final HttpServerExchange exchange;
  private final Map<String, String> params;

  Call(HttpServerExchange exchange, Map<String, String> params) {
    this.exchange = exchange;
    this.params = params;
  }

  public HttpServerExchange exchange() {
    return exchange;
  }

  public String path(String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no parameter " + name);
    }
    return value;
  }

  /** The query parameter, or null; given twice it is refused rather than guessed. */
  public String query(String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new InvalidInput(name, "must be given once");
    }
    String value = values.getFirst().strip();
    return value.isEmpty() ? null : value;
  }

  public String requiredQuery(String name) {
    String value = query(name);
    if (value == null) {
      throw new InvalidInput(name, "is required");
    }
    return value;
  }

  public LocalDate date(String name) {
    return parsed(name, Json::date, "an ISO-8601 date such as 2027-03-02");
  }

  public LocalTime time(String name) {
    return parsed(name, LocalTime::parse, "an ISO-8601 local time such as 16:30");
  }

  public Instant instant(String name) {
    return parsed(name, Json::instant, "an ISO-8601 instant such as 2027-03-02T15:00:00Z");
  }

  private <T> T parsed(String name, Function<String, T> parser, String expected) {
    String value = query(name);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (DateTimeException e) {
      throw new InvalidInput(name, "must be " + expected);
    }
  }

  public int integer(String name, int fallback, int min, int max) {
    String value = query(name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInput(name, "must be a whole number from " + min + " to " + max);
  }

  /** The body as the given type; 400 naming the field when it does not fit. */
  public <T> T body(Class<T> type) {
    return Json.read(rawBody(), type);
  }

  /** For changes that take no input: nothing, or an empty JSON object. */
  public void noBody() {
    if (rawBody().length > 0) {
      Json.read(rawBody(), Bodies.Empty.class);
    }
  }

  /** The path where the host mounted the API ({@code ""} at the root), for links in answers. */
  public String mount() {
    String full = exchange.getRequestPath();
    String relative = exchange.getRelativePath();
    return full.endsWith(relative) ? full.substring(0, full.length() - relative.length()) : "";
  }

  public byte[] rawBody() {
    byte[] body = exchange.getAttachment(BODY);
    return body == null ? new byte[0] : body;
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The authenticated staff member (staff routes only). */
  public StaffMember member() {
    StaffMember member = exchange.getAttachment(MEMBER);
    if (member == null) {
      throw HttpProblem.unauthenticated();
    }
    return member;
  }

  public String address() {
    return ClientAddress.of(exchange);
  }

  /** The key per-address limits count under (an IPv6 client's /64). */
  public String limitKey() {
    return ClientAddress.limitKey(exchange);
  }
}
