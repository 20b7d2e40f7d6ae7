/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for answers: large JSON answers (a department's eight weeks is tens of kilobytes of
 * repetitive text) shrink about tenfold, on the wire and in the answer cache.
 */
public final class Gzip {
  /** Smaller answers go out as they are: below this gzip saves less than a packet and costs CPU. */
  public static final int THRESHOLD = 1024;
  static final String ENCODING = "gzip";

  private Gzip() {}

  /** The body compressed, fast rather than smallest: answers are compressed as often as they are computed. */
  public static byte[] compress(byte[] body, int level) {
    var out = new ByteArrayOutputStream(body.length / 4 + 32);
    try (var zip = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(level);
      }
    }) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] compress(byte[] body) {
    return compress(body, Deflater.BEST_SPEED);
  }

  static byte[] decompress(byte[] gzip) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip), 8192)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("an answer this server compressed does not decompress", e);
    }
  }

  /** Whether {@code Accept-Encoding} allows gzip: named or {@code *}, with a weight above zero. */
  public static boolean accepted(List<String> headers) {
    if (headers == null) {
      return false;
    }
    boolean star = false;
    for (String header : headers) {
      for (String item : header.split(",")) {
        String[] parts = item.trim().split(";");
        String coding = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean allowed = true;
        for (int i = 1; i < parts.length; i++) {
          String param = parts[i].trim().toLowerCase(Locale.ROOT);
          if (param.startsWith("q=")) {
            allowed = !param.substring(2).trim().matches("0(\\.0*)?");
          }
        }
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          return allowed;
        }
        if (coding.equals("*")) {
          star = allowed;
        }
      }
    }
    return star;
  }
}
