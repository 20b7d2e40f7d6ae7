/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ProposalHold;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationCount;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.WebShare;
import org.civicdiary.booking.model.WebShareUse;
import org.civicdiary.booking.model.WorkNote;

/**
 * The reservations, and the slots that active ones hold. The store itself guarantees that at most
 * one active reservation holds a given (official, slot start), under any concurrency: the core's
 * own check before writing is not enough. Every method may throw {@link
 * org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface Reservations {
  /**
   * Adds a new reservation; if it is active, holds its slots.
   *
   * @param slotLength the office's slot length, to know which slots it covers
   * @throws org.civicdiary.booking.error.SlotTaken if another active reservation holds one of them;
   *     nothing is written then
   * @throws org.civicdiary.booking.error.ConcurrentChange if another open reservation has the same
   *     booking code (two units of work drew the same code at once; see {@link #codeInUse}); nothing
   *     is written then
   */
  default void add(Reservation reservation, Duration slotLength) {
    add(reservation, slotLength, List.of());
  }

  /**
   * Adds like {@link #add(Reservation, Duration)}; each slot it holds that lies in one of the
   * {@code shares} takes one of that share's seats, so that no more than the share's slots are
   * held on the web's account however many bookings race for them.
   *
   * @throws org.civicdiary.booking.error.SlotNotBookable (reason {@code PHONE_SHARE}) if a share
   *     has no seat left; nothing is written then
   */
  void add(Reservation reservation, Duration slotLength, List<WebShare> shares);

  /**
   * Replaces a stored reservation by its next version ({@code version} one higher than stored),
   * holding and releasing slots so that exactly the slots of the new value are held if it is active
   * and none if not. Slots it holds in both versions stay held throughout: the new ones are held
   * before the old ones are released.
   *
   * @throws org.civicdiary.booking.error.SlotTaken if a newly needed slot is held by another
   *     reservation; nothing is changed then
   * @throws org.civicdiary.booking.error.ConcurrentChange if the stored version is not the one
   *     before; nothing is changed then
   * @throws org.civicdiary.booking.error.NotFound if there is no such reservation
   */
  default void update(Reservation changed, Duration slotLength) {
    update(changed, slotLength, List.of());
  }

  /**
   * Updates like {@link #update(Reservation, Duration)}; each newly held slot that lies in one of
   * the {@code shares} takes one of its seats, as in {@link #add(Reservation, Duration, List)}.
   * Slots held in both versions keep their seats; released slots free theirs.
   *
   * @throws org.civicdiary.booking.error.SlotNotBookable (reason {@code PHONE_SHARE}) if a share
   *     has no seat left; nothing is changed then
   */
  void update(Reservation changed, Duration slotLength, List<WebShare> shares);

  /**
   * How many seats of web shares the held slots of these officials take, per window occurrence
   * starting in [from, to); occurrences with none left out.
   */
  List<WebShareUse> webShareUse(Collection<OfficialId> officials, Instant from, Instant to);

  Optional<Reservation> find(ReservationId id);

  /**
   * Whether an open (active or displaced) reservation has this booking code. The store keeps codes
   * unique among open reservations itself; a closed reservation's code may be drawn again.
   */
  boolean codeInUse(BookingCode code);

  /**
   * Adds the hash of a manage token that opens this reservation. A reservation may have several:
   * each message to the citizen carries a fresh one, so that no token is ever stored in clear.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such reservation
   */
  void addManageToken(ReservationId id, String tokenHash);

  /** The reservation that one of its manage tokens' hash opens. */
  Optional<Reservation> findByManageTokenHash(String hash);

  /** Time held by active reservations of these officials that overlaps [from, to). */
  List<BusyTime> busy(Collection<OfficialId> officials, Instant from, Instant to);

  /** Reservations of any status of one official that overlap [from, to), by start. */
  List<Reservation> ofOfficial(OfficialId official, Instant from, Instant to);

  /**
   * Takes the reservations made with this e-mail address (any spelling of its mailbox, {@link
   * org.civicdiary.booking.model.EmailKey}) for the rest
   * of the unit of work: another unit of work taking them waits until this one ends. Bookings and
   * moves take them before checking the per-address limits, so that two at once cannot both pass.
   * Must be called inside a unit of work, after any {@link Diaries#lock}.
   */
  void lockOfEmail(String email);

  /**
   * Open (active or displaced) reservations made with this e-mail address or any other spelling of
   * its mailbox: compared by {@link org.civicdiary.booking.model.EmailKey}, the only form a store
   * needs to keep for it.
   */
  List<Reservation> openOfEmail(String email);

  /**
   * Counts one more message that a citizen's own action (a booking, a move, a waiting-list entry)
   * sends to this address's mailbox on this day, unless the day's count has reached {@code cap}.
   * Kept in the store, so that the cap holds across nodes; days before {@code day} may be forgotten.
   * Must be called with the address's {@link #lockOfEmail} held.
   *
   * @return whether it was counted; false when the mailbox has had its {@code cap} today
   */
  boolean countMessageTo(String email, LocalDate day, int cap);

  /**
   * Adds an operator's note or contact attempt to a reservation.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such reservation
   */
  void addWorkNote(WorkNote note);

  /** The notes and contact attempts of a reservation, oldest first. */
  List<WorkNote> workNotes(ReservationId id);

  /**
   * Notes that a HELD reservation holds a replacement time for a displaced reservation's citizen.
   *
   * @throws org.civicdiary.booking.error.NotFound if either reservation does not exist
   */
  void addProposalHold(ProposalHold hold);

  /** The proposal holds kept for this displaced reservation, whether or not they have ended. */
  List<ProposalHold> proposalHolds(ReservationId displaced);

  /** Proposal holds whose time ran out at {@code now} (their {@code until} not after it), oldest first. */
  List<ProposalHold> lapsedProposalHolds(Instant now, int limit);

  /** Forgets a proposal hold (its HELD reservation is released by the caller); whether there was one. */
  boolean removeProposalHold(ReservationId hold);

  /**
   * Notes that the citizen of this displaced reservation asked to be called (the operators' call
   * task); a second request keeps the first time.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such reservation
   */
  void requestCall(ReservationId displaced, Instant at);

  /** When the citizen of this reservation asked to be called, if they did. */
  Optional<Instant> callRequested(ReservationId reservation);

  /** Displaced reservations, earliest start first: the operators' worklist. */
  List<Reservation> displaced();

  List<Reservation> search(ReservationSearch search);

  /**
   * Counts, in the store (no reservation is read), the reservations of any status, anonymised ones
   * too, of these departments whose start lies in one of the periods {@code [bounds[i],
   * bounds[i+1])}: one count per department, period {@code i}, channel and status. Groups that
   * count nothing are left out.
   *
   * @param bounds at least two instants, each after the one before
   */
  List<ReservationCount> count(Collection<DepartmentId> departments, List<Instant> bounds);

  /**
   * Removes the personal data of reservations that ended before the cutoff and still have it, their
   * work notes with it.
   *
   * @return how many were anonymised
   */
  int anonymiseEndedBefore(Instant cutoff, Instant now);
}
