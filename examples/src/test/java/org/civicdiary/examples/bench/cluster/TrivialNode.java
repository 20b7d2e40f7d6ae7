/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.cluster;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling of the cluster benchmark's HTTP figures: an Undertow handler that answers "ok" to
 * every request, run as its own process behind the same HAProxy configuration as the nodes.
 * Argument: the port. Prints {@code READY} once it listens.
 */
public final class TrivialNode {
  private TrivialNode() {}

  public static void main(String[] args) throws IOException {
    ByteBuffer body = ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8));
    Undertow.builder().addHttpListener(Integer.parseInt(args[0]), "127.0.0.1")
        .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
        .setHandler(exchange -> {
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
          exchange.getResponseSender().send(body.duplicate());
        })
        .build().start();
    System.out.println("READY");
    System.out.flush();
    while (System.in.read() >= 0) {
      // until stopped, or the benchmark is gone (its end of stdin closes)
    }
    System.exit(0);
  }
}
