/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.BusyConflict;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.BusyFeeds;

/**
 * Busy time from officials' own calendars: an official (or an administrator) gives the calendar's
 * iCalendar URL; a poller (an adapter) fetches it and hands the result to {@link #apply}, which
 * replaces the official's external busy intervals. Free time leaves them out like an absence.
 * Busy time that came to cover a booked reservation cancels nothing: it puts a conflict on the
 * operators' worklist.
 */
public final class KeepingBusyFeeds {
  /** How far back a poll keeps busy time: a meeting under way still blocks the rest of itself. */
  public static final Duration PAST = Duration.ofDays(1);
  /** Beyond any booking horizon (730 days at most): "all future busy time" in a bounded query. */
  private static final Duration FAR = Duration.ofDays(800);
  private final Context context;

  KeepingBusyFeeds(Context context) {
    this.context = context;
  }

  /**
   * Sets the official's calendar URL; a new URL starts afresh (its busy time comes with its first
   * poll), the same URL again changes nothing.
   *
   * @throws org.civicdiary.booking.error.NotPermitted unless the actor is this official or an administrator
   * @throws InvalidInput (field {@code url}) for a URL that is not HTTPS (plain HTTP to loopback only)
   */
  public BusyFeed set(StaffMember actor, OfficialId official, String url) {
    Context.permit(isOwnOrAdmin(actor, official), "set another official's busy feed");
    BusyFeed fresh = BusyFeed.of(official, url);
    return context.storage.transactions().inTransaction(() -> {
      context.official(official);
      Optional<BusyFeed> before = feeds().ofOfficial(official);
      if (before.isPresent() && before.get().url().equals(fresh.url())) {
        return before.get();
      }
      if (before.isPresent()) {
        feeds().remove(official);
      }
      feeds().save(fresh);
      context.audit(actor, "busyfeed.set", official.value(), before.map(f -> "host=" + f.url().getHost()).orElse(null),
          "host=" + fresh.url().getHost());
      return fresh;
    });
  }

  /**
   * Removes the official's calendar URL and its busy time at once.
   *
   * @return false if they had none
   * @throws org.civicdiary.booking.error.NotPermitted unless the actor is this official or an administrator
   */
  public boolean clear(StaffMember actor, OfficialId official) {
    Context.permit(isOwnOrAdmin(actor, official), "clear another official's busy feed");
    return context.storage.transactions().inTransaction(() -> {
      context.official(official);
      boolean removed = feeds().remove(official);
      if (removed) {
        context.audit(actor, "busyfeed.clear", official.value(), null, null);
      }
      return removed;
    });
  }

  /**
   * The official's feed and how its last poll went, for the official's page; operators may see it too.
   *
   * @throws org.civicdiary.booking.error.NotPermitted for another official
   */
  public Optional<BusyFeed> feed(StaffMember actor, OfficialId official) {
    Context.permit(isOwnOrAdmin(actor, official) || actor.role() == Role.OPERATOR, "see another official's busy feed");
    context.official(official);
    return feeds().ofOfficial(official);
  }

  /** Every feed, for the poller and the health details. */
  public List<BusyFeed> all() {
    return feeds().all();
  }

  /**
   * Until when a poll needs busy time: the furthest booking horizon of all offices (a day more, for
   * time zones), from now.
   */
  public Instant expandUntil() {
    int days = context.storage.directory().offices().stream().map(Office::policy).mapToInt(BookingPolicy::horizonDays)
        .max().orElse(BookingPolicy.DEFAULT.horizonDays());
    return context.now().plus(Duration.ofDays(days + 1L));
  }

  /** From when a poll needs busy time. */
  public Instant expandFrom() {
    return context.now().minus(PAST);
  }

  /**
   * Applies one poll of the feed at {@code polledUrl}, in one unit of work under the official's
   * diary lock (so that a booking cannot slip in between): new busy time replaces the old, and
   * every active reservation that new busy time covers (and the old did not) becomes a conflict on
   * the worklist. After a failure the last good busy time keeps applying until it is older than
   * {@code keepLastGood}, then it is dropped. A poll of a URL that was changed or cleared meanwhile
   * is ignored.
   */
  public void apply(OfficialId official, URI polledUrl, PolledFeed result, Duration keepLastGood) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(keepLastGood, "keepLastGood");
    context.storage.transactions().run(() -> {
      Optional<BusyFeed> current = feeds().ofOfficial(official);
      if (current.isEmpty() || !current.get().url().equals(polledUrl)) {
        return;
      }
      context.storage.diaries().lock(official);
      BusyFeed feed = current.get();
      Instant now = context.now();
      if (result instanceof PolledFeed.NotModified) {
        feeds().save(feed.succeeded(feed.etag(), feed.lastModified(), now));
      } else if (result instanceof PolledFeed.Fetched fetched) {
        for (BusyTime b : fetched.busy()) {
          if (!b.official().equals(official) || !b.end().isAfter(b.start())) {
            throw new InvalidInput("busy", "must be the polled official's non-empty intervals");
          }
        }
        replace(official, fetched.busy(), now);
        feeds().save(feed.succeeded(fetched.etag(), fetched.lastModified(), now));
      } else if (result instanceof PolledFeed.Failed failed) {
        BusyFeed after = feed.failed(failed.failure(), failed.detail(), now);
        if (feed.succeededAt() == null || feed.succeededAt().plus(keepLastGood).isBefore(now)) {
          replace(official, List.of(), now);
          // The validators belong to busy time no longer kept: the next poll must fetch it whole.
          after = new BusyFeed(official, feed.url(), null, null, now, feed.succeededAt(), failed.failure(),
              after.failureDetail());
        }
        feeds().save(after);
      }
    });
  }

  /**
   * The operators' open conflicts of external busy time with active reservations.
   *
   * @throws org.civicdiary.booking.error.NotPermitted for officials
   */
  public List<BusyConflict> conflicts(StaffMember actor) {
    Context.permit(actor.role().worksEveryDiary(), "work the operators' worklist");
    return open(context);
  }

  /**
   * The conflicts whose reservation is still active there: one an operator moved or cancelled is
   * decided already, though its row lasts until the next poll that changes the busy time.
   */
  static List<BusyConflict> open(Context context) {
    return context.storage.busyFeeds().conflicts().stream()
        .filter(c -> context.storage.reservations().find(c.reservation())
            .map(r -> r.status() == Status.ACTIVE && r.overlaps(c.busyStart(), c.busyEnd())).orElse(false))
        .toList();
  }

  /**
   * The operator keeps the reservation as it is: the conflict leaves the worklist, and the same
   * busy time does not bring it back.
   *
   * @return false if the reservation had no conflict
   */
  public boolean dismiss(StaffMember actor, ReservationId reservation) {
    Context.permit(actor.role().worksEveryDiary(), "work the operators' worklist");
    return context.storage.transactions().inTransaction(() -> {
      boolean removed = feeds().removeConflict(reservation);
      if (removed) {
        context.audit(actor, "busyfeed.conflict.dismiss", reservation.toString(), null, null);
      }
      return removed;
    });
  }

  private void replace(OfficialId official, List<BusyTime> busy, Instant now) {
    List<BusyTime> stored = feeds().busy(List.of(official), now.minus(FAR), now.plus(FAR));
    List<BusyTime> sorted = busy.stream().sorted(Comparator.comparing(BusyTime::start)).toList();
    if (stored.equals(sorted)) {
      // The same busy time again (a calendar server that sends no validators): nothing to write or check.
      return;
    }
    List<BusyTime> before = stored.stream().filter(b -> b.end().isAfter(now)).toList();
    feeds().replaceBusy(official, busy);
    List<BusyTime> after = sorted.stream().filter(b -> b.end().isAfter(now)).toList();
    Instant until = after.isEmpty() ? now : after.get(after.size() - 1).end();
    for (BusyConflict c : feeds().conflicts(official)) {
      Optional<Reservation> r = context.storage.reservations().find(c.reservation());
      if (r.isEmpty() || r.get().status() != Status.ACTIVE || overlap(r.get(), after) == null) {
        feeds().removeConflict(c.reservation());
      }
    }
    if (after.isEmpty()) {
      return;
    }
    List<BusyConflict> found = new ArrayList<>();
    for (Reservation r : context.storage.reservations().ofOfficial(official, now, until)) {
      BusyTime over = r.status() == Status.ACTIVE ? overlap(r, after) : null;
      if (over != null && overlap(r, before) == null) {
        found.add(new BusyConflict(r.id(), official, over.start(), over.end(), now));
      }
    }
    found.forEach(feeds()::addConflict);
  }

  /** The first interval overlapping the reservation, or null. */
  private static BusyTime overlap(Reservation r, List<BusyTime> busy) {
    for (BusyTime b : busy) {
      if (r.overlaps(b.start(), b.end())) {
        return b;
      }
    }
    return null;
  }

  private BusyFeeds feeds() {
    return context.storage.busyFeeds();
  }

  private static boolean isOwnOrAdmin(StaffMember actor, OfficialId official) {
    return actor.role() == Role.ADMIN || actor.role() == Role.OFFICIAL && official.equals(actor.official());
  }
}
