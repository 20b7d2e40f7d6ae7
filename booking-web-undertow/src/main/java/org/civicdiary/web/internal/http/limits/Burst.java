/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import java.util.ArrayList;
import java.util.List;
import org.civicdiary.web.RateLimit;

/**
 * How far a client address is into a burst: 0 while it stays within the limit, then one step more
 * for each further limit's worth of requests, up to a maximum. Token buckets, so an address that
 * calms down comes back to 0 by itself.
 */
public final class Burst {
  private final List<Throttle> steps = new ArrayList<>();

  public Burst(RateLimit limit, int maxSteps) {
    for (int i = 0; i < maxSteps; i++) {
      steps.add(new Throttle(limit));
    }
  }

  /** Counts one request of the address and answers its step, from 0 to the maximum. */
  public int step(String address) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).take(address) == 0) {
        return i;
      }
    }
    return steps.size();
  }
}
