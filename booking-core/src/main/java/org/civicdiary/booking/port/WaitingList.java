/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreedTime;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;

/**
 * The waiting-list entries, the hashes of their confirmation tokens, and the notes of freed time
 * that the matcher has yet to look at. The time an entry is offered is held by a reservation (see
 * {@link Reservations}), so the store's guard against double booking guards offers too. Every
 * method may throw {@link org.civicdiary.booking.error.StorageUnavailable}.
 */
public interface WaitingList {
  /**
   * Adds a new entry.
   *
   * @throws IllegalArgumentException if an entry with its id exists already
   */
  void add(WaitingListEntry entry);

  /**
   * Replaces a stored entry by its next version ({@code version} one higher than stored).
   *
   * @throws org.civicdiary.booking.error.ConcurrentChange if the stored version is not the one
   *     before (another unit of work changed it, e.g. a second matcher offered it a time); nothing is
   *     changed then
   * @throws org.civicdiary.booking.error.NotFound if there is no such entry
   */
  void update(WaitingListEntry changed);

  Optional<WaitingListEntry> find(WaitingListEntryId id);

  /**
   * Adds the hash of a token that opens this entry (the confirmation link); each message carries a
   * fresh one, so that no token is stored in clear.
   *
   * @throws org.civicdiary.booking.error.NotFound if there is no such entry
   */
  void addToken(WaitingListEntryId id, String tokenHash);

  /** The entry that one of its tokens' hash opens. */
  Optional<WaitingListEntry> findByTokenHash(String hash);

  /** The offered entry whose time this reservation holds. */
  Optional<WaitingListEntry> findByHold(ReservationId hold);

  /**
   * Live entries (unconfirmed, active, offered) made with this e-mail address or any other spelling
   * of its mailbox, compared by {@link org.civicdiary.booking.model.EmailKey}.
   */
  List<WaitingListEntry> liveOfEmail(String email);

  /**
   * Active entries that time freed at this official in [from, to) may suit: those for this official
   * and those for any official of this department, whose range overlaps [from, to); first come, first
   * served: by {@code createdAt}, then id.
   */
  List<WaitingListEntry> waitingFor(OfficialId official, DepartmentId department, Instant from, Instant to);

  /** Offered entries whose hold ended at or before {@code now}, earliest first. */
  List<WaitingListEntry> lapsedOffers(Instant now);

  /**
   * Unconfirmed or active entries to expire: those whose range ended at or before {@code now}, and
   * unconfirmed ones made before {@code unconfirmedBefore}.
   */
  List<WaitingListEntry> toExpire(Instant now, Instant unconfirmedBefore);

  /**
   * Entries of a department, for staff, first come first: only live ones unless {@code all}.
   *
   * @param official only those for this official and those for any official of the department, or
   *     null for all
   * @param agenda only those for this agenda, or null for all
   */
  List<WaitingListEntry> list(DepartmentId department, OfficialId official, AgendaId agenda, boolean all);

  /**
   * Removes the personal data of entries that ended (taken, declined, lapsed, expired, withdrawn)
   * and whose range ended before the cutoff.
   *
   * @return how many were anonymised
   */
  int anonymiseEndedBefore(Instant cutoff, Instant now);

  /** Records that time may have been freed; in the unit of work of the change that freed it. */
  void recordFreed(FreedTime freed);

  /** Up to {@code max} notes of freed time, oldest first. */
  List<FreedTime> freed(int max);

  /**
   * Removes a note of freed time. Two units of work removing the same note: one gets true, the other
   * (after the first ended) false, so only one matcher acts on it.
   */
  boolean removeFreed(UUID id);
}
