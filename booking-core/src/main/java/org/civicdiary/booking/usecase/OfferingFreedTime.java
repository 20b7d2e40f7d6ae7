/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.error.BookingException;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.FreedTime;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.ProposalHold;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.model.WaitingListStatus;

/**
 * The waiting list's matcher: expires entries whose range ended, lets lapsed offers go (their time
 * is freed again), and offers freed time to the entries waiting for it, first come, first served.
 * An offer is a reservation of status {@link Status#HELD}, made in the same unit of work as the
 * entry's change to OFFERED: the store's guard on held slots keeps a held time from being booked by
 * anyone else, and the entry's version keeps it from being offered twice when several matchers run
 * at once (on several nodes). Each note of freed time is handled in its own unit of work, and
 * removed in it, so only one matcher acts on it; a unit of work that fails leaves its note for the
 * next run. It also ends the holds of proposals to displaced citizens whose time ran out.
 *
 * <p>It does not schedule itself: call {@link #run()} often (every second by default, {@link
 * WaitingListRules#matchEvery()}); the Guice integration's service does.
 */
public final class OfferingFreedTime {
  /** Notes handled by one run; the rest wait for the next. */
  private static final int NOTES_PER_RUN = 100;
  private final Context context;
  private final WaitingListRules rules;
  private final KeepingWaitingList keeping;
  private final Proposals proposals;

  OfferingFreedTime(Context context, WaitingListRules rules, KeepingWaitingList keeping) {
    this.context = context;
    this.rules = rules;
    this.keeping = keeping;
    this.proposals = new Proposals(context);
  }

  public WaitingListRules rules() {
    return rules;
  }

  /**
   * Runs once with the clock's instant as "now".
   *
   * @return how many times were offered
   */
  public int run() {
    Instant now = context.now();
    for (WaitingListEntry entry : context.storage.waitingList().toExpire(now, now.minus(rules.confirmWithin()))) {
      quietly(() -> expire(entry.id(), now));
    }
    for (WaitingListEntry entry : context.storage.waitingList().lapsedOffers(now)) {
      quietly(() -> lapse(entry.id(), now));
    }
    // Times held for displaced citizens who did not choose in time are free again (and noted as
    // freed, so the notes below offer them to the waiting list in this same run).
    for (ProposalHold hold : context.storage.reservations().lapsedProposalHolds(now, NOTES_PER_RUN)) {
      quietly(() -> context.storage.transactions().run(() -> proposals.releaseHold(hold)));
    }
    int offered = 0;
    for (FreedTime note : context.storage.waitingList().freed(NOTES_PER_RUN)) {
      try {
        offered += context.storage.transactions().inTransaction(() -> offer(note));
      } catch (BookingException e) {
        // Lost to a concurrent unit of work (a booking, another matcher): the note stays for the next run.
      }
    }
    return offered;
  }

  private void expire(WaitingListEntryId id, Instant now) {
    context.storage.transactions().run(() -> context.storage.waitingList().find(id)
        .filter(e -> e.status() == WaitingListStatus.ACTIVE || e.status() == WaitingListStatus.UNCONFIRMED)
        .ifPresent(e -> context.storage.waitingList().update(e.withStatus(WaitingListStatus.EXPIRED, now))));
  }

  private void lapse(WaitingListEntryId id, Instant now) {
    context.storage.transactions().run(() -> context.storage.waitingList().find(id)
        .filter(e -> e.status() == WaitingListStatus.OFFERED && !e.holdUntil().isAfter(now))
        .ifPresent(e -> keeping.release(new Offer(e, context.reservation(e.hold())), WaitingListStatus.LAPSED)));
  }

  /** Offers the time the note names to the entries waiting for it; how many got an offer. */
  private int offer(FreedTime note) {
    if (!context.storage.waitingList().removeFreed(note.id())) {
      return 0;
    }
    // Booking takes the diary first, then the citizen's addresses: the same order here.
    context.storage.diaries().lock(note.official());
    Official official = context.official(note.official());
    if (!official.active()) {
      return 0;
    }
    Office office = context.officeOf(official.department());
    Instant now = context.now();
    Instant earliest = now.plus(office.policy().minimumNotice());
    LocalDate lastDay = context.today(office).plusDays(office.policy().horizonDays());
    int offered = 0;
    for (WaitingListEntry entry : context.storage.waitingList().waitingFor(official.id(), official.department(),
        note.start(), note.end())) {
      Agenda agenda = context.agenda(entry.agenda());
      if (!agenda.handledBy(official.id())) {
        continue;
      }
      Optional<FreeSlot> slot = firstFree(office, official, agenda, entry, note, earliest, lastDay);
      if (slot.isEmpty()) {
        continue;
      }
      Reservation hold = context.newReservation(official, agenda, office, slot.get().start(), entry.citizen(),
          entry.topic(), entry.channel(), entry.language(), Status.HELD);
      context.storage.reservations().add(hold, office.slotLength(), entry.channel() == Channel.WEB
          ? context.freeTime.webShares(office, official.id(), hold.start(), hold.end()) : List.of());
      context.storage.waitingList().update(entry.offered(hold.id(), now.plus(rules.hold()), now));
      context.notify(hold, MessageKind.WAITING_LIST_OFFER);
      offered++;
    }
    return offered;
  }

  /**
   * The earliest free meeting in the freed time and the entry's range that the citizen could book
   * now, and that does not overlap another of their open reservations.
   */
  private Optional<FreeSlot> firstFree(Office office, Official official, Agenda agenda, WaitingListEntry entry,
      FreedTime note, Instant earliest, LocalDate lastDay) {
    Instant from = latest(note.start(), entry.rangeStart());
    Instant to = note.end().isBefore(entry.rangeEnd()) ? note.end() : entry.rangeEnd();
    LocalDate firstDay = LocalDate.ofInstant(latest(from, earliest), office.zone());
    LocalDate last = LocalDate.ofInstant(to.minusNanos(1), office.zone());
    if (last.isAfter(lastDay)) {
      last = lastDay;
    }
    List<Reservation> own = entry.citizen().email() == null ? List.of()
        : context.storage.reservations().openOfEmail(entry.citizen().email());
    return context.freeTime.find(office, List.of(official.id()), firstDay, last, earliest, agenda.id(), agenda.slots(),
        FreeTime.Ignore.NOTHING, entry.channel() == Channel.WEB ? FreeTime.Seen.WEB : FreeTime.Seen.STAFF).stream()
        .filter(s -> s.start().isBefore(to) && from.isBefore(s.end()) && !s.start().isBefore(entry.rangeStart())
            && !s.end().isAfter(entry.rangeEnd()))
        .filter(s -> own.stream().noneMatch(r -> r.overlaps(s.start(), s.end())))
        .findFirst();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static void quietly(Runnable work) {
    try {
      work.run();
    } catch (BookingException e) {
      // Changed meanwhile by someone else: the next run looks again.
    }
  }
}
