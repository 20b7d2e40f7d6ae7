/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Finds the client's address: the connection's peer, or, when the peer is a configured reverse
 * proxy, the last address in {@code X-Forwarded-For} that is not one of those proxies. Headers from
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
    String forwarded = exchange.getRequestHeaders().getLast("X-Forwarded-For");
    if (forwarded == null) {
      return new Client(peer.getHostAddress(), true);
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop = AddressRange.literal(hops[i].strip());
      if (hop == null) {
        break;
      }
      if (!AddressRange.anyContains(proxies, hop)) {
        return new Client(hop.getHostAddress(), true);
      }
    }
    return new Client(peer.getHostAddress(), true);
  }

  private static InetAddress peer(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    return source.getAddress();
  }
}
