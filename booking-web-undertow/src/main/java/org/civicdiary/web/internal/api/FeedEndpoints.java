/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.net.URI;
import java.time.Instant;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.FeedToken;
import org.civicdiary.booking.model.OfficialFeed;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.FeedSettings;
import org.civicdiary.web.WebSettings;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.limits.Throttle;
import org.civicdiary.web.internal.problem.HttpProblem;

/**
 * The official's private calendar feed: made, shown and revoked in the console (the core decides
 * who may), and read by calendar programs over its secret URL. The token is looked up on every read,
 * so a revoked feed answers 404 at once on every node; what is rendered is kept per official for a
 * short time ({@code civicdiary.feed.cache}), and answered with an ETag so that a program polling an
 * unchanged feed gets 304.
 */
final class FeedEndpoints {
  static final String CALENDAR = "text/calendar; charset=utf-8";
  private final CivicDiary diary;
  private final WebSettings settings;
  private final FeedSettings feeds;
  private final Throttle perToken;
  private final RenderedFeeds rendered;
  private final String domain;

  /** What the console shows: whether the official has a feed, never its secret. */
  record FeedView(String official, boolean active, Instant createdAt, String createdBy) {}

  /** The feed just made: its URL holds the secret, shown this once. */
  record CreatedFeedView(String official, String url, Instant createdAt) {}

  FeedEndpoints(CivicDiary diary, WebSettings settings) {
    this.diary = diary;
    this.settings = settings;
    this.feeds = settings.feed();
    this.perToken = new Throttle(feeds.perToken());
    this.rendered = new RenderedFeeds(feeds.cacheFor());
    String host = URI.create(settings.publicUrl()).getHost();
    this.domain = host == null ? "civic-diary" : host;
  }

  Reply read(Call call) {
    FeedToken token = FeedToken.parse(call.path("token"));
    long wait = perToken.take(token.hash());
    if (wait > 0) {
      throw HttpProblem.tooManyRequests(wait, "this feed was read too often; wait " + wait + " s");
    }
    OfficialId official = diary.sharingCalendars().official(token);
    RenderedFeeds.Rendered feed = rendered.get(official,
        () -> FeedCalendar.render(diary.sharingCalendars().read(token), feeds.topicLength(), domain));
    String cached = "private, max-age=" + feeds.cacheFor().toSeconds();
    String match = call.exchange().getRequestHeaders().getFirst("If-None-Match");
    if (match != null && (match.equals(feed.etag()) || match.equals("W/" + feed.etag()))) {
      return Reply.bytes(304, CALENDAR, new byte[0]).header("ETag", feed.etag()).header("Cache-Control", cached);
    }
    return Reply.bytes(200, CALENDAR, feed.body()).header("ETag", feed.etag()).header("Cache-Control", cached);
  }

  Reply show(Call call) {
    OfficialId official = OfficialId.of(call.path("id"));
    return Reply.ok(diary.sharingCalendars().feed(call.member(), official)
        .map(f -> view(f))
        .orElse(new FeedView(official.value(), false, null, null)));
  }

  Reply create(Call call) {
    call.noBody();
    OfficialId official = OfficialId.of(call.path("id"));
    FeedToken token = diary.sharingCalendars().create(call.member(), official);
    rendered.forget(official);
    OfficialFeed feed = diary.sharingCalendars().feed(call.member(), official).orElseThrow();
    return Reply.json(201, new CreatedFeedView(official.value(), url(token), feed.createdAt()));
  }

  Reply revoke(Call call) {
    OfficialId official = OfficialId.of(call.path("id"));
    if (!diary.sharingCalendars().revoke(call.member(), official)) {
      throw new NotFound("feed", official.value());
    }
    rendered.forget(official);
    return Reply.noContent();
  }

  /**
   * Renders every feed afresh at its next read: an office's rules changed (whether feeds name the
   * citizen, the horizon). Only this node's; other nodes follow within {@code civicdiary.feed.cache}.
   */
  void forgetAll() {
    rendered.forgetAll();
  }

  private String url(FeedToken token) {
    return settings.publicUrl() + settings.prefix() + "/feeds/officials/" + token.value() + ".ics";
  }

  private static FeedView view(OfficialFeed f) {
    return new FeedView(f.official().value(), true, f.createdAt(), f.createdBy());
  }
}
