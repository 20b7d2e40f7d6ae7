/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.cluster;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server for the speed runs that accepts every message and keeps none: what a relay on a
 * machine of its own costs the nodes (a round trip per command), without GreenMail's work of
 * parsing and storing every message on the cores the nodes measure on. The correctness tests keep
 * GreenMail; this only answers {@code EHLO}, {@code MAIL}, {@code RCPT}, {@code DATA}, {@code RSET},
 * {@code NOOP} and {@code QUIT}.
 */
final class SmtpSink implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "smtp-sink");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong accepted = new AtomicLong();

  private SmtpSink(ServerSocket server) {
    this.server = server;
  }

  static SmtpSink start() throws IOException {
    SmtpSink sink = new SmtpSink(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
    sink.connections.execute(sink::accept);
    return sink;
  }

  int port() {
    return server.getLocalPort();
  }

  /** Messages accepted so far. */
  long accepted() {
    return accepted.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        connections.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; Input in = new Input(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
      reply(out, "220 sink ESMTP");
      String line;
      while ((line = in.line()) != null) {
        String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (verb) {
          case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 PIPELINING");
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            if (!in.skipData()) {
              return;
            }
            accepted.incrementAndGet();
            reply(out, "250 accepted");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not here");
        }
      }
    } catch (IOException e) {
      // the node closed or died: nothing to keep
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The connection's bytes, buffered without a lock per byte. */
  private static final class Input implements AutoCloseable {
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    Input(InputStream in) {
      this.in = in;
    }

    private int read() throws IOException {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      return buffer[position++] & 0xff;
    }

    /** One line without its CRLF, or null at the end of the stream. */
    String line() throws IOException {
      StringBuilder line = new StringBuilder(80);
      int b;
      while ((b = read()) >= 0) {
        if (b == '\n') {
          int n = line.length();
          return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
        }
        line.append((char) b);
      }
      return line.length() == 0 ? null : line.toString();
    }

    /** Reads past the message up to its CRLF.CRLF; false if the stream ended first. */
    boolean skipData() throws IOException {
      int state = 2; // 0: inside a line, 1: after CR, 2: at a line's start, 3: after "." there, 4: after ".\r"
      int b;
      while ((b = read()) >= 0) {
        state = switch (state) {
          case 2 -> b == '.' ? 3 : b == '\r' ? 1 : 0;
          case 3 -> b == '\r' ? 4 : 0;
          case 4 -> b == '\n' ? 5 : 0;
          case 1 -> b == '\n' ? 2 : b == '\r' ? 1 : 0;
          default -> b == '\r' ? 1 : 0;
        };
        if (state == 5) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
