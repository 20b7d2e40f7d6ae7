/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.ProposalHold;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.Window;

/**
 * Replacement times for a displaced reservation: the free times nearest to the original with the
 * same official first, then with each of the official's deputies for the agenda in their order,
 * then with the other colleagues of the department who handle the agenda. Only times a
 * citizen could book themselves (after the minimum notice, and within the web's share of windows
 * that keep a phone share), so a citizen can accept any of them.
 *
 * <p>When reservations are displaced, their proposals are <em>held</em> for their citizens ({@link
 * #hold}): each proposed time becomes a reservation of status HELD, so the store's guard on held
 * slots keeps everyone else (the web, the phone, the other displaced citizens) off it, and the
 * proposals of several displaced citizens are disjoint. The holds end when the citizen chooses
 * ({@link #release}) or when the office's {@link org.civicdiary.booking.model.BookingPolicy#proposalHold}
 * runs out ({@link OfferingFreedTime} releases them); after that the citizen is proposed whatever is
 * free then, unheld.
 */
final class Proposals {
  static final int PER_GROUP = 3;
  private static final Comparator<FreeSlot> CHRONOLOGICAL =
      Comparator.comparing(FreeSlot::start).thenComparing(s -> s.official().value());
  private final Context context;

  Proposals(Context context) {
    this.context = context;
  }

  /**
   * What the citizen of a displaced reservation is proposed now, by start: the times held for them,
   * or, when none is held any longer, the free times nearest to the original.
   */
  List<FreeSlot> current(Reservation reservation) {
    Instant now = context.now();
    List<FreeSlot> held = new ArrayList<>();
    for (ProposalHold h : context.storage.reservations().proposalHolds(reservation.id())) {
      if (h.until().isAfter(now)) {
        context.storage.reservations().find(h.hold()).filter(r -> r.status() == Status.HELD)
            .ifPresent(r -> held.add(new FreeSlot(r.official(), r.start(), r.end(), placeOf(r), false)));
      }
    }
    List<FreeSlot> result = held.isEmpty() ? propose(reservation) : held;
    return result.stream().sorted(CHRONOLOGICAL).toList();
  }

  /**
   * Holds the proposals of freshly displaced reservations for their citizens, earliest meeting
   * first, each citizen's proposals chosen among the time the ones before left free. Call in the
   * unit of work that displaced them.
   */
  void hold(List<Reservation> displaced) {
    for (Reservation reservation : displaced.stream().sorted(Comparator.comparing(Reservation::start)).toList()) {
      Office office = context.officeOf(reservation.department());
      Instant until = context.now().plus(office.policy().proposalHold());
      Agenda agenda = context.agenda(reservation.agenda());
      for (FreeSlot slot : propose(reservation)) {
        Official official = context.official(slot.official());
        Reservation hold = context.newReservation(official, agenda, office, slot.start(), reservation.citizen(),
            reservation.topic(), reservation.channel(), reservation.language(), Status.HELD);
        // Proposals are times the web may take, so their holds take the web's seats as a web booking would.
        context.storage.reservations().add(hold, office.slotLength(),
            context.freeTime.webShares(office, official.id(), hold.start(), hold.end()));
        context.storage.reservations().addProposalHold(new ProposalHold(reservation.id(), hold.id(), until));
      }
    }
  }

  /**
   * Lets go of every time held for this reservation's citizen (they chose, or an operator did): the
   * times are free again. Call in the unit of work of the choice.
   */
  void release(Reservation reservation) {
    for (ProposalHold h : context.storage.reservations().proposalHolds(reservation.id())) {
      releaseHold(h);
    }
  }

  /** Ends one hold: its HELD reservation is RELEASED, and the time is noted as freed. */
  void releaseHold(ProposalHold h) {
    if (!context.storage.reservations().removeProposalHold(h.hold())) {
      return;
    }
    context.storage.reservations().find(h.hold()).filter(r -> r.status() == Status.HELD).ifPresent(r -> {
      Office office = context.officeOf(r.department());
      context.storage.reservations().update(r.withStatus(Status.RELEASED, null, context.now()), office.slotLength());
      context.freed(r.official(), r.start(), r.end());
    });
  }

  /** The place of the window a held time lies in, or null for the official's usual room. */
  private Place placeOf(Reservation hold) {
    Office office = context.officeOf(hold.department());
    LocalDateTime local = LocalDateTime.ofInstant(hold.start(), office.zone());
    return context.storage.diaries().windows(hold.official()).stream()
        .filter(w -> w.day() == local.getDayOfWeek() && w.appliesOn(local.toLocalDate())
            && !local.toLocalTime().isBefore(w.start()) && local.toLocalTime().isBefore(w.end()))
        .map(Window::place).filter(Objects::nonNull).findFirst().orElse(null);
  }

  List<FreeSlot> propose(Reservation reservation) {
    Office office = context.officeOf(reservation.department());
    Agenda agenda = context.agenda(reservation.agenda());
    LocalDate today = context.today(office);
    LocalDate last = today.plusDays(office.policy().horizonDays());
    Instant earliest = context.now().plus(office.policy().minimumNotice());
    List<OfficialId> colleagues = new ArrayList<>();
    boolean sameOfficialActive = false;
    for (Official official : context.storage.directory().officials(reservation.department())) {
      if (!official.active() || !agenda.handledBy(official.id())) {
        continue;
      }
      if (official.id().equals(reservation.official())) {
        sameOfficialActive = true;
      } else {
        colleagues.add(official.id());
      }
    }
    List<OfficialId> deputies = context.storage.directory().deputies(reservation.official(), agenda.id())
        .deputies().stream().filter(colleagues::contains).toList();
    colleagues.removeAll(deputies);
    Comparator<FreeSlot> nearest = Comparator.comparing(
        (FreeSlot s) -> Duration.between(reservation.start(), s.start()).abs());
    List<FreeSlot> result = new ArrayList<>();
    // Meetings of several slots may overlap each other; the ones proposed never do, since each is held.
    Consumer<List<OfficialId>> nearestOf = officials -> {
      int taken = 0;
      for (FreeSlot s : context.freeTime.find(office, officials, today, last, earliest, agenda.id(), agenda.slots(),
          FreeTime.Ignore.NOTHING, FreeTime.Seen.WEB).stream().sorted(nearest).toList()) {
        if (taken == PER_GROUP) {
          break;
        }
        if (result.stream().noneMatch(p -> p.official().equals(s.official())
            && p.start().isBefore(s.end()) && s.start().isBefore(p.end()))) {
          result.add(s);
          taken++;
        }
      }
    };
    if (sameOfficialActive) {
      nearestOf.accept(List.of(reservation.official()));
    }
    deputies.forEach(deputy -> nearestOf.accept(List.of(deputy)));
    nearestOf.accept(colleagues);
    return result;
  }
}
