/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficialId;

/**
 * Serialized answers of the public read endpoints (directory, free time) for a few seconds: the
 * widget asks the same questions many times a second, and a department's eight weeks cost the
 * storage real work. Bounded by bytes, not entries. A booking or a citizen's change forgets this
 * node's answers about that official and department only (emptying it all at hundreds of bookings
 * a second, it would never hold anything); other nodes show it within the time to live, and a slot
 * shown free a moment too long is harmless, booking it answers 409. Staff changes to diaries and
 * configuration (absences, schedules, the directory) are rare and empty it at once on this node.
 *
 * <p>Answers of {@link Gzip#THRESHOLD} bytes or more are kept gzip-compressed (JSON of free time
 * shrinks about tenfold), so the same bytes hold ten times the answers, and a client that accepts
 * gzip gets them as they are kept.
 */
public final class ResponseCache {
  /** A few megabytes: a wide range answers tens of kilobytes, so a count of entries bounds nothing. */
  public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
  private final Cache<String, Kept> answers;
  /**
   * The uncompressed form of kept gzip answers, for clients that do not accept gzip (other portals'
   * servers, scripts), made once per answer rather than once per request; keyed by the kept answer
   * itself (weakly, by identity), so it goes when that answer goes. Bounded by bytes as well.
   */
  private final Cache<Kept, byte[]> plain;

  public ResponseCache(Duration ttl) {
    this(ttl, DEFAULT_MAX_BYTES);
  }

  public ResponseCache(Duration ttl, long maxBytes) {
    this.answers = ttl.isZero() || ttl.isNegative() ? null
        : Caffeine.newBuilder().expireAfterWrite(ttl).maximumWeight(maxBytes).executor(Runnable::run)
            .weigher((String key, Kept kept) -> kept.body.length + 2 * key.length() + 64)
            .build();
    this.plain = answers == null ? null
        : Caffeine.newBuilder().weakKeys().expireAfterWrite(ttl).maximumWeight(maxBytes).executor(Runnable::run)
            .weigher((Kept kept, byte[] body) -> body.length + 64)
            .build();
  }

  /** The JSON answer kept under the key, or computed now (and kept); large ones come gzip-encoded. */
  public Reply json(String key, Supplier<byte[]> compute) {
    Kept kept = answers == null ? Kept.of(compute.get()) : answers.get(key, k -> Kept.of(compute.get()));
    Reply reply = Reply.bytes(200, Reply.JSON, kept.body);
    return kept.gzip ? reply.gzipped(() -> plain == null ? Gzip.decompress(kept.body)
        : plain.get(kept, k -> Gzip.decompress(k.body))) : reply;
  }

  private record Kept(byte[] body, boolean gzip) {
    static Kept of(byte[] body) {
      return body.length >= Gzip.THRESHOLD ? new Kept(Gzip.compress(body), true) : new Kept(body, false);
    }
  }

  public void invalidate() {
    if (answers != null) {
      answers.invalidateAll();
      plain.invalidateAll();
    }
  }

  /**
   * Forgets this node's answers about the officials' free time and their department's: called by
   * the node that just booked or freed their time, so that its citizen never sees the slot they
   * just booked offered as free. Other nodes show it within the time to live.
   */
  public void forget(DepartmentId department, OfficialId... officials) {
    if (answers == null) {
      return;
    }
    List<String> prefixes = new ArrayList<>();
    prefixes.add("department-slots " + department + " ");
    prefixes.add("department-days " + department + " ");
    for (OfficialId official : officials) {
      prefixes.add("official-slots " + official + " ");
      prefixes.add("official-days " + official + " ");
    }
    answers.asMap().keySet().removeIf(key -> prefixes.stream().anyMatch(key::startsWith));
  }
}
