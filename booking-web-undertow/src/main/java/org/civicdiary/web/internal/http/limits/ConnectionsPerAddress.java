/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.xnio.IoUtils;

/**
 * A cap on the connections one address holds open with a request on them: the connection over the
 * cap is closed at its first request, before anything is read or kept for it. Configured proxies
 * are not capped (all their clients share their address). Connections that never send a request
 * are ended by the server's parse and idle timeouts instead.
 */
public final class ConnectionsPerAddress implements HttpHandler {
  private static final AttachmentKey<Boolean> COUNTED = AttachmentKey.create(Boolean.class);
  private final int cap;
  private final List<AddressRange> proxies;
  private final HttpHandler next;
  private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

  public ConnectionsPerAddress(int cap, List<AddressRange> proxies, HttpHandler next) {
    this.cap = cap;
    this.proxies = proxies;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    ServerConnection connection = exchange.getConnection();
    if (connection.getAttachment(COUNTED) == null) {
      InetAddress peer = exchange.getSourceAddress().getAddress();
      if (!AddressRange.anyContains(proxies, peer)) {
        int count = open.merge(peer, 1, Integer::sum);
        connection.putAttachment(COUNTED, Boolean.TRUE);
        connection.addCloseListener(c -> open.computeIfPresent(peer, (k, n) -> n <= 1 ? null : n - 1));
        if (count > cap) {
          IoUtils.safeClose(connection);
          return;
        }
      } else {
        connection.putAttachment(COUNTED, Boolean.FALSE);
      }
    }
    next.handleRequest(exchange);
  }
}
