/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.StoredResponse;
import org.civicdiary.booking.port.IdempotencyKeys;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * {@code Idempotency-Key} on POST: the first answer is kept (in the same unit of work as the change
 * it answers) and a retry with the same key and the same body gets it again; the same key with a
 * different body is refused with 422. Only successful answers are kept: a refused request changed
 * nothing, so repeating it is safe anyway.
 */
public final class Idempotency {
  static final String HEADER = "Idempotency-Key";
  private final IdempotencyKeys keys;
  private final Clock clock;
  private final Duration ttl;
  private final Object[] locks = new Object[256];

  public Idempotency(IdempotencyKeys keys, Clock clock, Duration ttl) {
    this.keys = keys;
    this.clock = clock;
    this.ttl = ttl;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** The key of the request within its scope (so two endpoints never share keys), or null without one. */
  public static String key(Call call, String scope) {
    String key = call.header(HEADER);
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidInput(HEADER, "must be 1-100 visible ASCII characters, e.g. a UUID");
    }
    return scope + ":" + key;
  }

  /**
   * The stored answer to rebuild, if a request with this key was answered before.
   *
   * @throws org.civicdiary.web.internal.problem.HttpProblem 422 when the key was used with another body
   */
  public Optional<Reply> replay(String key, String requestHash, Function<StoredResponse, Reply> rebuild) {
    return keys.find(key, clock.instant()).map(stored -> {
      if (!stored.requestHash().equals(requestHash)) {
        throw new HttpProblem(Problem.of(Refusal.IDEMPOTENCY_KEY_REUSED,
            "this Idempotency-Key was used with a different request body; use a new key for a new request",
            HEADER));
      }
      return rebuild.apply(stored).header("Idempotent-Replayed", "true");
    });
  }

  /**
   * The object to hold while answering a key, so that a retry sent while the first request still
   * runs (on this node) waits for its answer instead of racing it. Striped: a bounded number of
   * locks, shared by keys that hash alike.
   */
  public Object lockFor(String key) {
    return locks[Math.floorMod(key.hashCode(), locks.length)];
  }

  /** Keeps the answer; call inside the unit of work of the change. */
  public void save(String key, String requestHash, int status, byte[] body) {
    var now = clock.instant();
    keys.save(new StoredResponse(key, requestHash, status, new String(body, java.nio.charset.StandardCharsets.UTF_8),
        now.plus(ttl)), now);
  }
}
