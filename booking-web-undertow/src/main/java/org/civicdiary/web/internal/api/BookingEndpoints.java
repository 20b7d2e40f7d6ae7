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
import org.civicdiary.web.internal.http.ResponseCache;
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
  private final ResponseCache cache;
  private final Idempotency idempotency;
  private final Throttle perEmail;
  private final Metrics metrics;
  private final WebSettings settings;
  private final ProofOfWork proofOfWork;

  BookingEndpoints(CivicDiary diary, ResponseCache cache, Idempotency idempotency, Throttle perEmail, Metrics metrics,
      WebSettings settings, ProofOfWork proofOfWork) {
    this.proofOfWork = proofOfWork;
    this.diary = diary;
    this.cache = cache;
    this.idempotency = idempotency;
    this.perEmail = perEmail;
    this.metrics = metrics;
    this.settings = settings;
  }

  /** POST /api/v1/reservations: 201 with the reservation and its manage link. */
  Reply book(Call call) {
    // bound to the client's address: someone else repeating a key and body gets no manage link
    String key = Idempotency.key(call, "reservations:" + call.limitKey());
    if (key == null) {
      proofOfWork.demand(call);
      return bookOnce(call, request(call.body(BookingBody.class), Channel.WEB), null, null);
    }
    String hash = Json.canonicalHash(call.rawBody());
    // A concurrent retry waits for the first and then answers as it did. A retry is answered
    // before its proof of work is checked: it carries the first attempt's solution, which that
    // attempt spent, and a lost answer must not turn into "challenge-reused".
    synchronized (idempotency.lockFor(key)) {
      Optional<Reply> replay = idempotency.replay(key, hash, this::withFreshToken);
      if (replay.isPresent()) {
        return replay.get();
      }
      proofOfWork.demand(call);
      return bookOnce(call, request(call.body(BookingBody.class), Channel.WEB), key, hash);
    }
  }

  private Reply bookOnce(Call call, BookingRequest request, String key, String hash) {
    // Counted per address per hour whatever the outcome would be, and refunded when nothing was
    // booked, so that only real bookings use up an address's allowance.
    String email = request.citizen().emailKey();
    if (perEmail.take(email) > 0) {
      throw new HttpProblem(Problems.EMAIL_LIMIT);
    }
    try {
      Booked booked = diary.booking().book(request, b -> keep(key, hash, b));
      cache.forget(booked.reservation().department(), booked.reservation().official());
      metrics.booked(Channel.WEB);
      return Reply.json(201, new BookedView(ReservationView.of(booked.reservation()), link(booked.token())))
          .header("Location", call.mount() + "/api/v1/manage/" + booked.token().value());
    } catch (RuntimeException e) {
      perEmail.refund(email);
      if (key != null && e instanceof BookingException) {
        // Another node took the same key meanwhile: answer as it did.
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
    if (key == null) {
      return bookForCallerOnce(call, actor, request, null, null);
    }
    String hash = Json.canonicalHash(call.rawBody());
    synchronized (idempotency.lockFor(key)) {
      Optional<Reply> replay = idempotency.replay(key, hash, stored ->
          Reply.json(stored.status(), new BookedView(ReservationView.of(
              diary.handlingReservations().find(actor, keptReservation(stored))), null)));
      return replay.isPresent() ? replay.get() : bookForCallerOnce(call, actor, request, key, hash);
    }
  }

  private Reply bookForCallerOnce(Call call, StaffMember actor, BookingRequest request, String key, String hash) {
    Booked booked = diary.booking().bookForCaller(actor, request, b -> keep(key, hash, b));
    cache.forget(booked.reservation().department(), booked.reservation().official());
    metrics.booked(Channel.PHONE);
    return Reply.json(201, new BookedView(ReservationView.of(booked.reservation()), null))
        .header("Location", call.mount() + "/api/v1/staff/reservations/" + booked.reservation().id());
  }

  /**
   * Keeps the answer for the idempotency key, in the booking's unit of work: the reservation's id
   * only. A replay reads the reservation again, so no citizen's data waits in the kept answers.
   */
  private void keep(String key, String hash, Booked booked) {
    if (key != null) {
      idempotency.save(key, hash, 201, Json.write(new KeptBooking(booked.reservation().id().toString())));
    }
  }

  /** What a kept answer holds. */
  record KeptBooking(String reservation) {}

  private static ReservationId keptReservation(StoredResponse stored) {
    try {
      return ReservationId.parse(Json.MAPPER.readValue(stored.body(), KeptBooking.class).reservation());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("kept answer unreadable", e);
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
        language,
        Boolean.TRUE.equals(body.withoutContact()));
  }

  private Reply withFreshToken(StoredResponse stored) {
    ManageToken token = diary.issuingManageLinks().issue(keptReservation(stored));
    return Reply.json(stored.status(), new BookedView(ReservationView.of(diary.managingOwnReservation().view(token)),
        link(token)));
  }

  private ManageLink link(ManageToken token) {
    return new ManageLink(token.value(), settings.manageLink(token.value()));
  }
}
