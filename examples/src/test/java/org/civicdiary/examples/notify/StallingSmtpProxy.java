/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a real SMTP server that goes silent after the {@code stallAfter}-th
 * message's data: that message reaches the server, but its sender never hears the server accept it,
 * and nothing more passes in either direction, on any connection. A sender is thus stuck mid-batch,
 * as with an SMTP server that hangs, until it gives up or dies.
 */
final class StallingSmtpProxy implements AutoCloseable {
  private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};
  final CountDownLatch stalled = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ServerSocket server;
  private final int target;
  private final int stallAfter;
  private final AtomicInteger messages = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  StallingSmtpProxy(int target, int stallAfter) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.stallAfter = stallAfter;
    Thread acceptor = new Thread(this::accept, "smtp-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    try {
      while (true) {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(upstream);
        pump(client.getInputStream(), upstream.getOutputStream(), true);
        pump(upstream.getInputStream(), client.getOutputStream(), false);
      }
    } catch (IOException e) {
      // closed
    }
  }

  private void pump(InputStream in, OutputStream out, boolean fromSender) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      byte[] tail = new byte[0];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          holdIfStalled();
          if (fromSender) {
            byte[] seen = new byte[tail.length + n];
            System.arraycopy(tail, 0, seen, 0, tail.length);
            System.arraycopy(buffer, 0, seen, tail.length, n);
            // Silent before the data goes on: the server's reply to it cannot slip through.
            if (indexOf(seen, END_OF_DATA) >= 0 && messages.incrementAndGet() == stallAfter) {
              stalled.countDown();
            }
            tail = java.util.Arrays.copyOfRange(seen, Math.max(0, seen.length - END_OF_DATA.length + 1), seen.length);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // a side went away
      }
    }, "smtp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void holdIfStalled() throws IOException {
    if (stalled.getCount() > 0) {
      return;
    }
    // Past the stall nothing passes again: the data waits here until the proxy closes.
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IOException("the proxy closed");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
