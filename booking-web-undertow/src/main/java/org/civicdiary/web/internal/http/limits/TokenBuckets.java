/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

/** One limit's token buckets by key: kept by this node ({@link Throttle}) or shared ({@link SharedThrottles}). */
public interface TokenBuckets {
  /** Takes a token: 0 when allowed, else the seconds to wait before one is there. */
  long take(String key);
}
