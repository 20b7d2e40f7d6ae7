/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Finds the client's address: the connection's peer, or, when the peer is a configured reverse
 * proxy, the last address in {@code X-Forwarded-For} (all its lines) that is not one of those proxies. Headers from
 * anyone else are ignored, so a client cannot choose its own rate-limit bucket.
 */
public final class ClientAddress implements HttpHandler {
  /** The resolved client and whether the connection came from a trusted proxy. */
  record Client(String address, boolean viaTrustedProxy) {}

  static final AttachmentKey<Client> KEY = AttachmentKey.create(Client.class);
  private final List<AddressRange> proxies;
  private final HttpHandler next;

  public ClientAddress(List<AddressRange> proxies, HttpHandler next) {
    this.proxies = proxies;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.putAttachment(KEY, resolve(exchange));
    next.handleRequest(exchange);
  }

  public static String of(HttpServerExchange exchange) {
    Client client = exchange.getAttachment(KEY);
    return client == null ? peer(exchange).getHostAddress() : client.address();
  }

  public static boolean viaTrustedProxy(HttpServerExchange exchange) {
    Client client = exchange.getAttachment(KEY);
    return client != null && client.viaTrustedProxy();
  }

  private Client resolve(HttpServerExchange exchange) {
    InetAddress peer = peer(exchange);
    if (proxies.isEmpty() || !AddressRange.anyContains(proxies, peer)) {
      return new Client(peer.getHostAddress(), false);
    }
    HeaderValues lines = exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR);
    if (lines == null || lines.isEmpty()) {
      return new Client(peer.getHostAddress(), true);
    }
    // Every line in order, as one list (RFC 9110 5.3): HAProxy's option forwardfor adds its hop
    // as a line of its own after the client's, so the last line alone would be the proxy's view.
    String[] hops = String.join(",", lines).split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop = AddressRange.literal(withoutPort(hops[i].strip()));
      if (hop == null) {
        break;
      }
      if (!AddressRange.anyContains(proxies, hop)) {
        return new Client(hop.getHostAddress(), true);
      }
    }
    return new Client(peer.getHostAddress(), true);
  }

  /**
   * The key rate limits count under: the address, or for IPv6 its /64, since one subscriber
   * commonly holds a whole /64 and could otherwise take a fresh bucket for every request.
   */
  public static String limitKey(HttpServerExchange exchange) {
    return limitKey(of(exchange));
  }

  static String limitKey(String address) {
    InetAddress parsed = address.indexOf(':') < 0 ? null : AddressRange.literal(address);
    if (!(parsed instanceof Inet6Address)) {
      return address;
    }
    byte[] bytes = parsed.getAddress();
    StringBuilder prefix = new StringBuilder(24);
    for (int i = 0; i < 8; i += 2) {
      prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
    }
    return prefix.append(":/64").toString();
  }

  /**
   * Whether the client reached us over TLS: directly, or as a trusted proxy says in
   * {@code X-Forwarded-Proto}.
   */
  public static boolean overTls(HttpServerExchange exchange) {
    return "https".equalsIgnoreCase(exchange.getRequestScheme())
        || viaTrustedProxy(exchange) && "https".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"));
  }

  /** A forwarded hop as proxies write it: {@code 192.0.2.1:4711} or {@code [2001:db8::1]:443}. */
  static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(1, end);
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }

  private static InetAddress peer(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    return source.getAddress();
  }
}
