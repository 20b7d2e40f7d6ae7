/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookEventType;

/**
 * Booking a meeting: final at once, nobody approves it. The confirmation (and the reminder) are
 * written to the outbox in the same unit of work, so an answered booking always gets its e-mail.
 */
public final class Booking {
  /** Far more draws than the odds of collision ever need; a broken random source must not loop forever. */
  private final Context context;
  private final Rules rules;

  Booking(Context context) {
    this.context = context;
    this.rules = new Rules(context);
  }

  /**
   * A citizen books for themselves.
   *
   * @throws org.civicdiary.booking.error.SlotTaken if another reservation holds the time
   * @throws org.civicdiary.booking.error.SlotNotBookable if the diary does not offer the time
   * @throws org.civicdiary.booking.error.PolicyViolated if the office's policy does not allow it
   */
  public Booked book(BookingRequest request) {
    return book(request, booked -> {});
  }

  /**
   * Books like {@link #book(BookingRequest)}, and hands the result to {@code sameUnitOfWork} before
   * the unit of work ends, so that what it writes through the same storage (the answer an HTTP
   * layer keeps for an idempotency key) is committed with the booking or not at all.
   */
  public Booked book(BookingRequest request, Consumer<Booked> sameUnitOfWork) {
    Objects.requireNonNull(sameUnitOfWork, "sameUnitOfWork");
    // A PHONE booking may lack an e-mail, and then escapes the per-address limits: only staff make those.
    if (request.channel() != Channel.WEB) {
      throw new InvalidInput("channel", "citizens book on the WEB; staff book by PHONE for a caller");
    }
    return context.storage.transactions().inTransaction(() -> {
      Booked booked = create(request, false);
      sameUnitOfWork.accept(booked);
      return booked;
    });
  }

  /** An operator books on behalf of a caller; the e-mail is optional and the channel is PHONE. */
  public Booked bookForCaller(StaffMember actor, BookingRequest request) {
    return bookForCaller(actor, request, booked -> {});
  }

  /** Books like {@link #bookForCaller(StaffMember, BookingRequest)}, with {@code sameUnitOfWork} as in {@link #book(BookingRequest, Consumer)}. */
  public Booked bookForCaller(StaffMember actor, BookingRequest request, Consumer<Booked> sameUnitOfWork) {
    Objects.requireNonNull(sameUnitOfWork, "sameUnitOfWork");
    Context.permit(actor.role().worksEveryDiary() || actor.mayManage(request.official()),
        "book in another official's diary");
    if (request.channel() != Channel.PHONE) {
      throw new InvalidInput("channel", "staff book by PHONE");
    }
    return context.storage.transactions().inTransaction(() -> {
      Booked booked = create(request, true);
      context.audit(actor, "reservation.book", booked.reservation().id().toString(), null,
          Context.describe(booked.reservation()) + (request.withoutContact() ? " contact=none-by-mark" : ""));
      sameUnitOfWork.accept(booked);
      return booked;
    });
  }

  private Booked create(BookingRequest request, boolean byStaff) {
    context.storage.diaries().lock(request.official());
    Official official = context.official(request.official());
    Agenda agenda = context.agenda(request.agenda());
    Office office = context.officeOf(official.department());
    String topic = Rules.topic(office, request.topic());
    rules.requireBookable(office, official, agenda, request.start(), byStaff);
    Reservation reservation = context.newReservation(official, agenda, office, request.start(), request.citizen(),
        topic, request.channel(), request.language(), Status.ACTIVE);
    rules.requireCitizenLimits(office, official.id(), request.citizen().email(), reservation.start(), reservation.end(), null,
        byStaff);
    ManageToken token = ManageToken.generate(context.random);
    // Staff book by phone and may take any free time; the web only its share of each window.
    context.storage.reservations().add(reservation, office.slotLength(), byStaff ? List.of()
        : context.freeTime.webShares(office, official.id(), reservation.start(), reservation.end()));
    context.storage.reservations().addManageToken(reservation.id(), token.hash());
    context.notify(reservation, MessageKind.CONFIRMATION);
    context.publish(reservation, WebhookEventType.CREATED);
    context.remind(reservation, office);
    return new Booked(reservation, token);
  }
}
