/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.io.IOException;
import java.util.Optional;
import org.civicdiary.booking.error.BookingException;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.StoredResponse;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.WebSettings;
import org.civicdiary.web.internal.api.Bodies.BookingBody;
import org.civicdiary.web.internal.api.Views.BookedView;
import org.civicdiary.web.internal.api.Views.ManageLink;
import org.civicdiary.web.internal.api.Views.ReservationView;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Idempotency;
import org.civicdiary.web.internal.http.Json;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.limits.Throttle;
import org.civicdiary.web.internal.ops.Metrics;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Problems;

/**
 * Booking: by citizens on the web (answered with the manage link), and by operators for a caller
 * on the phone. Both honour {@code Idempotency-Key}.
 *
 * <p>The manage token is never stored in clear, not even in the kept answer: a replay gets a
 * fresh token for the same reservation (every token of a reservation opens it).
 */
final class BookingEndpoints {
  private final CivicDiary diary;
  private final Idempotency idempotency;
  private final Throttle perEmail;
  private final Metrics metrics;
  private final WebSettings settings;

  BookingEndpoints(CivicDiary diary, Idempotency idempotency, Throttle perEmail, Metrics metrics, WebSettings settings) {
    this.diary = diary;
    this.idempotency = idempotency;
    this.perEmail = perEmail;
    this.metrics = metrics;
    this.settings = settings;
  }

  /** POST /api/v1/reservations: 201 with the reservation and its manage link. */
  Reply book(Call call) {
    BookingRequest request = request(call.body(BookingBody.class), Channel.WEB);
    String key = Idempotency.key(call, "reservations");
    String hash = key == null ? null : Json.canonicalHash(call.rawBody());
    if (key != null) {
      Optional<Reply> replay = idempotency.replay(key, hash, this::withFreshToken);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    // Counted per address per hour whatever the outcome would be, and refunded when nothing was
    // booked, so that only real bookings use up an address's allowance.
    String email = request.citizen().emailKey();
    if (perEmail.take(email) > 0) {
      throw new HttpProblem(Problems.EMAIL_LIMIT);
    }
    try {
      Booked booked = diary.booking().book(request, b -> keep(key, hash, b));
      metrics.booked(Channel.WEB);
      return Reply.json(201, new BookedView(ReservationView.of(booked.reservation()), link(booked.token())))
          .header("Location", call.mount() + "/api/v1/manage/" + booked.token().value());
    } catch (RuntimeException e) {
      perEmail.refund(email);
      if (key != null && e instanceof BookingException) {
        // A concurrent request with the same key may have won: answer as it did.
        Optional<Reply> replay = idempotency.replay(key, hash, this::withFreshToken);
        if (replay.isPresent()) {
          return replay.get();
        }
      }
      throw e;
    }
  }

  /** POST /api/v1/staff/reservations: an operator books for a caller (PHONE; e-mail optional). */
  Reply bookForCaller(Call call) {
    StaffMember actor = call.member();
    BookingRequest request = request(call.body(BookingBody.class), Channel.PHONE);
    String key = Idempotency.key(call, "staff-reservations:" + actor.username());
    String hash = key == null ? null : Json.canonicalHash(call.rawBody());
    if (key != null) {
      Optional<Reply> replay = idempotency.replay(key, hash, stored -> Reply.bytes(stored.status(), Reply.JSON,
          stored.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    Booked booked = diary.booking().bookForCaller(actor, request, b -> keep(key, hash, b));
    metrics.booked(Channel.PHONE);
    return Reply.json(201, new BookedView(ReservationView.of(booked.reservation()), null))
        .header("Location", call.mount() + "/api/v1/staff/reservations/" + booked.reservation().id());
  }

  /** Keeps the answer for the idempotency key, in the booking's unit of work; never the manage token. */
  private void keep(String key, String hash, Booked booked) {
    if (key != null) {
      idempotency.save(key, hash, 201, Json.write(new BookedView(ReservationView.of(booked.reservation()), null)));
    }
  }

  private BookingRequest request(BookingBody body, Channel channel) {
    Language language = body.language() == null ? Language.CS : Language.of(body.language());
    OfficialId official = body.official() == null ? null : OfficialId.of(body.official());
    return new BookingRequest(
        official,
        body.agenda() == null ? null : AgendaId.of(body.agenda()),
        body.typedStart().exact(() -> diary.officeTime().zoneOf(Bodies.required("official", official))),
        new Citizen(body.name(), body.email(), body.phone()),
        body.topic(),
        channel,
        language);
  }

  private Reply withFreshToken(StoredResponse stored) {
    BookedView first;
    try {
      first = Json.MAPPER.readValue(stored.body(), BookedView.class);
    } catch (IOException e) {
      throw new IllegalStateException("kept answer unreadable", e);
    }
    ManageToken token = diary.issuingManageLinks().issue(ReservationId.parse(first.reservation().id()));
    return Reply.json(stored.status(), new BookedView(first.reservation(), link(token)));
  }

  private ManageLink link(ManageToken token) {
    return new ManageLink(token.value(), settings.manageLink(token.value()));
  }
}
