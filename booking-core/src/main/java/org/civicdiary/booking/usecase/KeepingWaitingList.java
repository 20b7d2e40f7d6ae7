/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.PolicyViolated.Policy;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotNotBookable.Reason;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.error.TokenInvalid;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WebhookEventType;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.model.WaitingListStatus;

/**
 * The waiting list as citizens and staff keep it: a citizen joins on the web and confirms the e-mail
 * address before the entry waits; an operator adds a caller by phone (waiting at once). A time that
 * {@link OfferingFreedTime} offers is taken (a normal active reservation, confirmed by e-mail) or
 * declined by the citizen through the offer link, or by staff for a caller. Either ends the entry,
 * as does an offer left to lapse: the next entry gets the time.
 */
public final class KeepingWaitingList {
  private final Context context;
  private final WaitingListRules rules;

  KeepingWaitingList(Context context, WaitingListRules rules) {
    this.context = context;
    this.rules = rules;
  }

  public WaitingListRules rules() {
    return rules;
  }

  /**
   * A citizen joins on the web; the entry waits for the e-mail address to be confirmed (the
   * confirmation message is written to the outbox in the same unit of work).
   *
   * @throws PolicyViolated if the address has too many entries and reservations
   * @throws InvalidInput if the days are in the past or beyond the office's horizon
   */
  public WaitingListEntry join(WaitingListRequest request) {
    if (request.channel() != Channel.WEB) {
      throw new InvalidInput("channel", "citizens join on the WEB; staff add callers by PHONE");
    }
    return context.storage.transactions().inTransaction(() -> {
      WaitingListEntry entry = create(request, WaitingListStatus.UNCONFIRMED);
      context.storage.outbox().add(new OutboxMessage(MessageId.random(), MessageKind.WAITING_LIST_CONFIRMATION,
          new ReservationId(entry.id().value()), messageOfficial(entry), entry.rangeStart(), entry.rangeEnd(), 0,
          null, context.now(), context.now(), DeliveryState.PENDING, 0, null));
      return entry;
    });
  }

  /** An operator adds a caller by phone: waiting at once; the e-mail is optional. */
  public WaitingListEntry joinForCaller(StaffMember actor, WaitingListRequest request) {
    requireStaffFor(actor, request.official());
    if (request.channel() != Channel.PHONE) {
      throw new InvalidInput("channel", "staff add callers by PHONE");
    }
    return context.storage.transactions().inTransaction(() -> {
      WaitingListEntry entry = create(request, WaitingListStatus.ACTIVE);
      context.audit(actor, "waiting-list.add", entry.id().toString(), null, describe(entry));
      lookForTime(entry);
      return entry;
    });
  }

  /**
   * A fresh token for the entry's confirmation link; only its hash is stored. The outbox dispatcher
   * calls it for each message, as it does {@link IssuingManageLinks}.
   */
  public ManageToken issueToken(WaitingListEntryId id) {
    ManageToken token = ManageToken.generate(context.random);
    context.storage.transactions().run(() -> context.storage.waitingList().addToken(id, token.hash()));
    return token;
  }

  /** The entry a confirmation link opens. */
  public WaitingListEntry view(ManageToken token) {
    return entry(token);
  }

  /**
   * Confirms the e-mail address: the entry waits from now on (in the order it was made). Confirming
   * again changes nothing.
   *
   * @throws StateConflict if the entry has ended
   */
  public WaitingListEntry confirm(ManageToken token) {
    return context.storage.transactions().inTransaction(() -> {
      WaitingListEntry entry = entry(token);
      if (entry.status() != WaitingListStatus.UNCONFIRMED) {
        if (entry.status().isLive()) {
          return entry;
        }
        throw new StateConflict("waiting-list entry " + entry.id() + " is " + entry.status());
      }
      WaitingListEntry active = entry.withStatus(WaitingListStatus.ACTIVE, context.now());
      context.storage.waitingList().update(active);
      lookForTime(active);
      return active;
    });
  }

  /** The offer that an offer link (the held reservation's manage token) opens. */
  public Offer offer(ManageToken token) {
    Reservation hold = context.storage.reservations().findByManageTokenHash(token.hash())
        .orElseThrow(TokenInvalid::new);
    WaitingListEntry entry = context.storage.waitingList().findByHold(hold.id())
        .orElseThrow(() -> new StateConflict("this time is no longer offered"));
    return new Offer(entry, hold);
  }

  /** Whether the offer may still be taken or declined (a page offers the buttons only then). */
  public boolean standing(Offer offer) {
    return offer.entry().status() == WaitingListStatus.OFFERED && offer.hold().status() == Status.HELD
        && offer.entry().holdUntil().isAfter(context.now());
  }

  /**
   * Takes the offered time: the hold becomes an active reservation (confirmed by e-mail like a
   * booking) and the entry ends.
   *
   * @throws StateConflict if the offer was taken, declined or has lapsed
   * @throws PolicyViolated if the address has meanwhile booked as much as it may, or at that time
   */
  public Booked take(ManageToken token) {
    Objects.requireNonNull(token, "token");
    return context.storage.transactions().inTransaction(() -> take(offerStanding(token)));
  }

  /** Declines the offered time: the entry ends, and the time goes to the next entry. */
  public WaitingListEntry decline(ManageToken token) {
    Objects.requireNonNull(token, "token");
    return context.storage.transactions().inTransaction(() -> release(offerStanding(token),
        WaitingListStatus.DECLINED));
  }

  /** Staff take an offered time for a caller (an entry without e-mail is offered through the console). */
  public Booked takeForCaller(StaffMember actor, WaitingListEntryId id) {
    return context.storage.transactions().inTransaction(() -> {
      Offer offer = staffOffer(actor, id);
      Booked booked = take(offer);
      context.audit(actor, "waiting-list.take", id.toString(), describe(offer.entry()),
          Context.describe(booked.reservation()));
      return booked;
    });
  }

  /** Staff decline an offered time for a caller. */
  public WaitingListEntry declineForCaller(StaffMember actor, WaitingListEntryId id) {
    return context.storage.transactions().inTransaction(() -> {
      Offer offer = staffOffer(actor, id);
      WaitingListEntry declined = release(offer, WaitingListStatus.DECLINED);
      context.audit(actor, "waiting-list.decline", id.toString(), describe(offer.entry()), describe(declined));
      return declined;
    });
  }

  /** Staff remove an entry that still waits (the caller no longer wants a time). */
  public WaitingListEntry withdraw(StaffMember actor, WaitingListEntryId id) {
    return context.storage.transactions().inTransaction(() -> {
      WaitingListEntry entry = staffEntry(actor, id);
      if (entry.status() == WaitingListStatus.OFFERED) {
        Offer offer = new Offer(entry, context.reservation(entry.hold()));
        return release(offer, WaitingListStatus.WITHDRAWN);
      }
      if (!entry.status().isLive()) {
        throw new StateConflict("waiting-list entry " + id + " is " + entry.status());
      }
      WaitingListEntry withdrawn = entry.withStatus(WaitingListStatus.WITHDRAWN, context.now());
      context.storage.waitingList().update(withdrawn);
      context.audit(actor, "waiting-list.withdraw", id.toString(), describe(entry), describe(withdrawn));
      return withdrawn;
    });
  }

  /**
   * The entries of a department, first come first, optionally for one official (with the
   * department-wide ones that may go to them) and one agenda. Operators and administrators see all;
   * an official sees those of their own diary.
   */
  public List<WaitingListEntry> list(StaffMember actor, DepartmentId department, OfficialId official,
      AgendaId agenda, boolean all) {
    Objects.requireNonNull(department, "department");
    Context.permit(actor.role().worksEveryDiary() || official != null && actor.mayManage(official),
        "see the waiting list of another official's diary");
    context.department(department);
    return context.storage.waitingList().list(department, official, agenda, all);
  }

  /** One entry, for staff. */
  public WaitingListEntry find(StaffMember actor, WaitingListEntryId id) {
    return staffEntry(actor, id);
  }

  private WaitingListEntry create(WaitingListRequest request, WaitingListStatus status) {
    Agenda agenda = context.agenda(request.agenda());
    Office office = context.officeOf(agenda.department());
    if (request.official() != null) {
      Official official = context.official(request.official());
      if (!official.department().equals(agenda.department()) || !agenda.handledBy(official.id())) {
        throw new SlotNotBookable(Reason.AGENDA_NOT_HANDLED, "agenda " + agenda.id() + " by " + official.id());
      }
    } else if (agenda.officials().isEmpty()) {
      throw new SlotNotBookable(Reason.AGENDA_NOT_HANDLED, "agenda " + agenda.id() + " by nobody");
    }
    LocalDate today = context.today(office);
    if (request.firstDay().isBefore(today)) {
      throw new InvalidInput("firstDay", "must not be in the past");
    }
    if (request.lastDay().isAfter(today.plusDays(office.policy().horizonDays()))) {
      throw new InvalidInput("lastDay", "must be at most " + office.policy().horizonDays() + " days ahead");
    }
    String topic = Rules.topic(office, request.topic());
    String email = request.citizen().email();
    if (email != null) {
      context.storage.reservations().lockOfEmail(email);
      int live = context.storage.waitingList().liveOfEmail(email).size();
      if (live >= rules.maxEntriesPerEmail()) {
        throw new PolicyViolated(Policy.TOO_MANY_WAITING_LIST_ENTRIES, "email",
            "at most " + rules.maxEntriesPerEmail() + " waiting-list entries per address");
      }
      if (live + context.storage.reservations().openOfEmail(email).size() >= office.policy().maxOpenPerEmail()) {
        throw new PolicyViolated(Policy.TOO_MANY_RESERVATIONS, "email", "at most "
            + office.policy().maxOpenPerEmail() + " open reservations and waiting-list entries per address");
      }
      if (status == WaitingListStatus.UNCONFIRMED) {
        // joined on the web: the confirmation goes to whatever address was typed
        new Rules(context).requireMessageAllowance(office, email);
      }
    }
    Instant now = context.now();
    WaitingListEntry entry = new WaitingListEntry(WaitingListEntryId.random(), agenda.department(),
        request.official(), agenda.id(), request.firstDay(), request.lastDay(),
        request.firstDay().atStartOfDay(office.zone()).toInstant(),
        request.lastDay().plusDays(1).atStartOfDay(office.zone()).toInstant(), request.citizen(), topic,
        request.channel(), request.language(), status, now, now, null, null, 0);
    context.storage.waitingList().add(entry);
    return entry;
  }

  /** Time that is free already when an entry starts to wait is offered like freed time. */
  private void lookForTime(WaitingListEntry entry) {
    List<OfficialId> officials = entry.official() != null ? List.of(entry.official())
        : context.agenda(entry.agenda()).officials().stream().sorted((a, b) -> a.value().compareTo(b.value())).toList();
    for (OfficialId official : officials) {
      context.freed(official, entry.rangeStart(), entry.rangeEnd());
    }
  }

  /** The outbox needs an official on every message: the entry's, or the first who handles the agenda. */
  private OfficialId messageOfficial(WaitingListEntry entry) {
    if (entry.official() != null) {
      return entry.official();
    }
    return context.agenda(entry.agenda()).officials().stream().min((a, b) -> a.value().compareTo(b.value()))
        .orElseThrow(() -> new NotFound("official of agenda", entry.agenda().value()));
  }

  private WaitingListEntry entry(ManageToken token) {
    Objects.requireNonNull(token, "token");
    return context.storage.waitingList().findByTokenHash(token.hash()).orElseThrow(TokenInvalid::new);
  }

  private Offer offerStanding(ManageToken token) {
    Offer offer = offer(token);
    requireStanding(offer);
    return offer;
  }

  private void requireStanding(Offer offer) {
    WaitingListEntry entry = offer.entry();
    if (entry.status() != WaitingListStatus.OFFERED || offer.hold().status() != Status.HELD) {
      throw new StateConflict("this time is no longer offered");
    }
    if (!entry.holdUntil().isAfter(context.now())) {
      throw new StateConflict("the offer has lapsed");
    }
  }

  private Booked take(Offer offer) {
    WaitingListEntry entry = offer.entry();
    Reservation hold = offer.hold();
    context.storage.diaries().lock(hold.official());
    Office office = context.officeOf(hold.department());
    String email = hold.citizen().email();
    if (email != null) {
      context.storage.reservations().lockOfEmail(email);
      List<Reservation> open = context.storage.reservations().openOfEmail(email);
      long otherEntries = context.storage.waitingList().liveOfEmail(email).stream()
          .filter(e -> !e.id().equals(entry.id())).count();
      if (open.size() + otherEntries >= office.policy().maxOpenPerEmail()) {
        throw new PolicyViolated(Policy.TOO_MANY_RESERVATIONS, "email",
            "at most " + office.policy().maxOpenPerEmail() + " open reservations per address");
      }
      if (open.stream().anyMatch(r -> r.overlaps(hold.start(), hold.end()))) {
        throw new PolicyViolated(Policy.OVERLAPPING_RESERVATION, "start",
            "the citizen already has a reservation at this time");
      }
    }
    Instant now = context.now();
    Reservation taken = hold.withStatus(Status.ACTIVE, null, now);
    context.storage.reservations().update(taken, office.slotLength());
    context.storage.waitingList().update(entry.withStatus(WaitingListStatus.TAKEN, now));
    ManageToken token = ManageToken.generate(context.random);
    context.storage.reservations().addManageToken(taken.id(), token.hash());
    context.notify(taken, MessageKind.CONFIRMATION);
    context.publish(taken, WebhookEventType.CREATED);
    context.remind(taken, office);
    return new Booked(taken, token);
  }

  /**
   * Ends an offer without a booking: the hold lets go of its slots and the time is noted as freed,
   * so the next entry is offered it.
   */
  WaitingListEntry release(Offer offer, WaitingListStatus outcome) {
    Reservation hold = offer.hold();
    Office office = context.officeOf(hold.department());
    Instant now = context.now();
    context.storage.reservations().update(hold.withStatus(Status.RELEASED, null, now), office.slotLength());
    WaitingListEntry ended = offer.entry().withStatus(outcome, now);
    context.storage.waitingList().update(ended);
    context.freed(hold.official(), hold.start(), hold.end());
    return ended;
  }

  private Offer staffOffer(StaffMember actor, WaitingListEntryId id) {
    WaitingListEntry entry = staffEntry(actor, id);
    if (entry.status() != WaitingListStatus.OFFERED) {
      throw new StateConflict("waiting-list entry " + id + " is " + entry.status());
    }
    Offer offer = new Offer(entry, context.reservation(entry.hold()));
    requireStanding(offer);
    return offer;
  }

  private WaitingListEntry staffEntry(StaffMember actor, WaitingListEntryId id) {
    Objects.requireNonNull(id, "id");
    WaitingListEntry entry = context.storage.waitingList().find(id)
        .orElseThrow(() -> new NotFound("waiting-list entry", id.toString()));
    boolean own = entry.official() != null && actor.mayManage(entry.official());
    Context.permit(actor.role().worksEveryDiary() || own, "handle another official's waiting list");
    return entry;
  }

  private static void requireStaffFor(StaffMember actor, OfficialId official) {
    Context.permit(actor.role().worksEveryDiary() || official != null && actor.mayManage(official),
        "add to another official's waiting list");
  }

  /** What the audit log keeps of an entry: no personal data. */
  static String describe(WaitingListEntry e) {
    return "status=" + e.status() + " department=" + e.department() + " official=" + e.official()
        + " agenda=" + e.agenda() + " days=" + e.firstDay() + ".." + e.lastDay() + " channel=" + e.channel();
  }
}
