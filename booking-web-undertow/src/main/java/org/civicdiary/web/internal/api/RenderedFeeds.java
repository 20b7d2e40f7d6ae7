/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.civicdiary.booking.model.OfficialId;

/** Officials' feeds as last rendered, each with its ETag, kept for a short time. */
final class RenderedFeeds {
  private final Cache<OfficialId, Rendered> rendered;

  /** A feed's bytes and their ETag (a hash of them, quoted). */
  record Rendered(byte[] body, String etag) {}

  RenderedFeeds(Duration keepFor) {
    this.rendered = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(keepFor).build();
  }

  Rendered get(OfficialId official, Supplier<String> render) {
    return rendered.get(official, o -> of(render.get()));
  }

  void forget(OfficialId official) {
    rendered.invalidate(official);
  }

  void forgetAll() {
    rendered.invalidateAll();
  }

  private static Rendered of(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return new Rendered(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
