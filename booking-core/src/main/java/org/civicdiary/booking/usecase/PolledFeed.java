/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import java.util.Objects;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;

/** What one poll of a busy feed gave: for {@link KeepingBusyFeeds#apply}. */
public sealed interface PolledFeed {
  /** The calendar answered 304: the busy time stands. */
  record NotModified() implements PolledFeed {}

  /**
   * The calendar's busy time (already expanded within the booking horizon) and the answer's validators.
   *
   * @param etag the answer's {@code ETag}, or null
   * @param lastModified the answer's {@code Last-Modified}, or null
   */
  record Fetched(String etag, String lastModified, List<BusyTime> busy) implements PolledFeed {
    public Fetched {
      busy = List.copyOf(busy);
    }
  }

  /** No usable answer; {@code detail} is technical (a status, a limit), never event content. */
  record Failed(BusyFeed.Failure failure, String detail) implements PolledFeed {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
