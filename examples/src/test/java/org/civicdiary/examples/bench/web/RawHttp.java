/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.web;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends prepared request bytes and reads the answer,
 * keeping only its status. Far lighter than java.net.http, so that on a shared 2-core machine the
 * load generator takes as little as possible from the server it measures.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] line = new byte[8192];
  private final byte[] skip = new byte[16384];

  RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    in = new BufferedInputStream(socket.getInputStream(), 65536);
    out = new BufferedOutputStream(socket.getOutputStream(), 16384);
  }

  public static byte[] get(String path) {
    return get(path, "");
  }

  /** A GET with more header lines, each ending in CRLF. */
  public static byte[] get(String path, String moreHeaders) {
    return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n" + moreHeaders + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] postJson(String path, String json) {
    return postJson(path, json, java.util.Map.of());
  }

  /** The same with more headers (ASCII names and values). */
  public static byte[] postJson(String path, String json, java.util.Map<String, String> headers) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    StringBuilder more = new StringBuilder();
    headers.forEach((name, value) -> more.append(name).append(": ").append(value).append("\r\n"));
    byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + more
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  /** Sends the request and reads the whole answer; returns its status. */
  int exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    String status = readLine();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Long.parseLong(header.substring(15).strip());
      } else if (header.regionMatches(true, 0, "transfer-encoding:", 0, 18) && header.toLowerCase().contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(readLine().strip(), 16); size > 0; size = Long.parseLong(readLine().strip(), 16)) {
        skip(size);
        readLine();
      }
      readLine();
    } else if (length > 0) {
      skip(length);
    }
    return code;
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      int read = in.read(skip, 0, (int) Math.min(skip.length, n));
      if (read < 0) {
        throw new IOException("connection closed in a body");
      }
      n -= read;
    }
  }

  private String readLine() throws IOException {
    int n = 0;
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r' && n < line.length) {
        line[n++] = (byte) b;
      }
    }
    return new String(line, 0, n, StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
