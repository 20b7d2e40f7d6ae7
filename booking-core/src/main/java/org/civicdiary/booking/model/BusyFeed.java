/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.net.URI;
import java.time.Instant;
import org.civicdiary.booking.error.InvalidInput;

/**
 * An official's busy feed: the iCalendar URL of their own calendar, whose busy events block diary
 * time, with what the last poll left behind: the validators for a conditional request, when it was
 * polled, when it last succeeded, and why it failed if it did. Nothing of the events themselves
 * beyond their busy intervals is ever kept.
 *
 * @param etag the last good answer's {@code ETag}, or null
 * @param lastModified the last good answer's {@code Last-Modified}, or null
 * @param polledAt the last poll, successful or not; null before the first
 * @param succeededAt the last poll that gave usable busy time (or "not modified"); null before
 * @param failure why the last poll failed; null when it succeeded or has not run yet
 * @param failureDetail a short technical detail of the failure (an HTTP status, a limit), never event content
 */
public record BusyFeed(OfficialId official, URI url, String etag, String lastModified, Instant polledAt,
    Instant succeededAt, Failure failure, String failureDetail) {
  private static final int VALIDATOR_LIMIT = 200;
  private static final int DETAIL_LIMIT = 200;

  /** Why a poll gave no busy time; the last good busy time keeps applying for a while. */
  public enum Failure {
    /** No answer: name, connection or timeout. */
    UNREACHABLE,
    /** An answer other than 200 or 304. */
    REFUSED,
    /** Not an iCalendar document. */
    INVALID,
    /** Larger than the configured size. */
    TOO_LARGE,
    /** More events than the configured number. */
    TOO_MANY_EVENTS
  }

  public BusyFeed {
    Check.present("official", official);
    Check.present("url", url);
    etag = Check.optionalLine("etag", etag, VALIDATOR_LIMIT);
    lastModified = Check.optionalLine("lastModified", lastModified, VALIDATOR_LIMIT);
    failureDetail = Check.optionalLine("failureDetail", failureDetail, DETAIL_LIMIT);
    if (failure == null && failureDetail != null) {
      throw new InvalidInput("failureDetail", "only with a failure");
    }
  }

  /** A feed just given, never polled; its address checked like a webhook's (HTTPS, HTTP to loopback only). */
  public static BusyFeed of(OfficialId official, String url) {
    return new BusyFeed(official, WebhookEndpoint.url(url), null, null, null, null, null, null);
  }

  /** After a poll whose answer gave (or confirmed) the busy time. */
  public BusyFeed succeeded(String newEtag, String newLastModified, Instant at) {
    return new BusyFeed(official, url, newEtag, newLastModified, at, at, null, null);
  }

  /** After a poll that failed; the validators stay for the next conditional request. */
  public BusyFeed failed(Failure why, String detail, Instant at) {
    return new BusyFeed(official, url, etag, lastModified, at, succeededAt, Check.present("failure", why),
        detail == null ? null : truncated(detail));
  }

  private static String truncated(String detail) {
    String line = detail.replaceAll("\\p{Cntrl}", " ").strip();
    return line.isEmpty() ? null : line.substring(0, Math.min(line.length(), DETAIL_LIMIT));
  }
}
