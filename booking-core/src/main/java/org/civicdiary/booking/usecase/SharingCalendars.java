/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.FeedToken;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialFeed;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;

/**
 * An official's private calendar feed: the official makes it (and only for their own diary), reads
 * it in their calendar program over a secret URL, and the official or an administrator revokes it.
 */
public final class SharingCalendars {
  /** How far back the feed reaches, so that last month's meetings stay in the calendar. */
  public static final Duration PAST = Duration.ofDays(30);
  private final Context context;

  SharingCalendars(Context context) {
    this.context = context;
  }

  /**
   * Makes the official's feed, replacing any earlier one; the token is returned this once only.
   *
   * @throws org.civicdiary.booking.error.NotPermitted unless the actor is this official
   */
  public FeedToken create(StaffMember actor, OfficialId official) {
    Context.permit(isOwn(actor, official), "make a calendar feed of another official's diary");
    return context.storage.transactions().inTransaction(() -> {
      context.official(official);
      FeedToken token = FeedToken.generate(context.random);
      context.storage.officialFeeds().replace(new OfficialFeed(official, token.hash(), context.now(), actor.username()));
      context.audit(actor, "feed.create", official.value(), null, null);
      return token;
    });
  }

  /**
   * Revokes the official's feed at once.
   *
   * @return false if they had none
   * @throws org.civicdiary.booking.error.NotPermitted unless the actor is this official or an administrator
   */
  public boolean revoke(StaffMember actor, OfficialId official) {
    Context.permit(isOwn(actor, official) || actor.role() == Role.ADMIN, "revoke another official's calendar feed");
    return context.storage.transactions().inTransaction(() -> {
      context.official(official);
      boolean revoked = context.storage.officialFeeds().revoke(official);
      if (revoked) {
        context.audit(actor, "feed.revoke", official.value(), null, null);
      }
      return revoked;
    });
  }

  /** Whether the official has a feed, and since when (never its secret). */
  public Optional<OfficialFeed> feed(StaffMember actor, OfficialId official) {
    Context.permit(isOwn(actor, official) || actor.role() == Role.ADMIN, "see another official's calendar feed");
    context.official(official);
    return context.storage.officialFeeds().ofOfficial(official);
  }

  /**
   * The official whose feed this token opens: one indexed read, so that a cached feed is never
   * served for a revoked token.
   *
   * @throws NotFound for a revoked or unknown token alike
   */
  public OfficialId official(FeedToken token) {
    return context.storage.officialFeeds().byTokenHash(token.hash()).map(OfficialFeed::official)
        .orElseThrow(() -> new NotFound("feed", "…"));
  }

  /**
   * What the feed shows: the official's reservations of every status from {@link #PAST} ago to the
   * end of the office's booking horizon, with their agendas.
   *
   * @throws NotFound for a revoked or unknown token alike
   */
  public CalendarFeed read(FeedToken token) {
    OfficialFeed feed = context.storage.officialFeeds().byTokenHash(token.hash())
        .orElseThrow(() -> new NotFound("feed", "…"));
    Official official = context.official(feed.official());
    Office office = context.officeOf(official.department());
    Instant now = context.now();
    Instant to = context.today(office).plusDays(office.policy().horizonDays() + 1L).atStartOfDay(office.zone()).toInstant();
    List<Reservation> reservations = context.storage.reservations().ofOfficial(official.id(), now.minus(PAST), to);
    Map<AgendaId, Agenda> agendas = new LinkedHashMap<>();
    for (Reservation r : reservations) {
      agendas.computeIfAbsent(r.agenda(), context::agenda);
    }
    return new CalendarFeed(official, office, reservations, Map.copyOf(agendas), now);
  }

  private static boolean isOwn(StaffMember actor, OfficialId official) {
    return actor.role() == Role.OFFICIAL && official.equals(actor.official());
  }

  /**
   * An official's feed as of {@code at}.
   *
   * @param reservations by start, every status (the feed shows cancelled ones as cancelled)
   */
  public record CalendarFeed(Official official, Office office, List<Reservation> reservations,
      Map<AgendaId, Agenda> agendas, Instant at) {
    public CalendarFeed {
      reservations = List.copyOf(reservations);
      agendas = Map.copyOf(agendas);
    }
  }
}
