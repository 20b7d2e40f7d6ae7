/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.PolicyViolated.Policy;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotNotBookable.Reason;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;

/** The checks a booking and a move share: the diary has the time, and the citizen's limits hold. */
final class Rules {
  private final Context context;

  Rules(Context context) {
    this.context = context;
  }

  /**
   * Checks that the official handles the agenda and the diary has the time. Staff may book inside
   * the minimum notice (a caller on the phone, a displaced meeting moved to this afternoon); nobody
   * may book in the past or beyond the horizon.
   */
  void requireBookable(Office office, Official official, Agenda agenda, Instant start, boolean byStaff) {
    if (!official.active()) {
      throw new SlotNotBookable(Reason.OFFICIAL_INACTIVE, "official " + official.id());
    }
    if (!official.department().equals(agenda.department()) || !agenda.handledBy(official.id())) {
      throw new SlotNotBookable(Reason.AGENDA_NOT_HANDLED, "agenda " + agenda.id() + " by " + official.id());
    }
    Instant now = context.now();
    Instant earliest = byStaff ? now : now.plus(office.policy().minimumNotice());
    LocalDate lastDay = context.today(office).plusDays(office.policy().horizonDays());
    context.freeTime.whyNot(office, official.id(), start, agenda.id(), agenda.slots(), earliest, lastDay)
        .ifPresent(reason -> {
          throw new SlotNotBookable(reason, "official " + official.id() + " at " + start);
        });
  }

  /** The topic fits the office's limit. */
  static String topic(Office office, String topic) {
    String trimmed = topic.strip();
    if (trimmed.length() > office.policy().topicMaxLength()) {
      throw new PolicyViolated(Policy.TOPIC_TOO_LONG, "topic",
          "at most " + office.policy().topicMaxLength() + " characters");
    }
    if (trimmed.isEmpty()) {
      throw new InvalidInput("topic", "must not be empty");
    }
    return trimmed;
  }

  /**
   * The citizen (by e-mail) may hold one more open reservation; for staff, also none of theirs
   * overlaps this time.
   *
   * <p>The overlap is checked for staff only. Anyone may type anyone's address into the public form,
   * and the booking's answer (with its manage link) goes to whoever sent it: a refusal at exactly
   * the times the address has a meeting would tell a stranger when that is. So a citizen's own
   * booking or move is limited by the count alone, which answers the same whatever the time.
   *
   * @param email the address as typed; every spelling of the same mailbox counts together
   * <p>The address may also hold only the office's {@code maxDailyPerEmail} meetings with one official
   * on one day, staff bookings included: operators do not override it (a caller who needs longer
   * books an agenda of more slots). It is counted under the address's lock, so racing bookings cannot
   * both pass.
   *
   * @param moving the reservation being moved, which does not count against itself; null when booking
   */
  void requireCitizenLimits(Office office, OfficialId official, String email, Instant start, Instant end,
      ReservationId moving, boolean byStaff) {
    if (email == null) {
      return;
    }
    context.storage.reservations().lockOfEmail(email);
    List<Reservation> open = context.storage.reservations().openOfEmail(email);
    // Waiting-list entries count with the reservations: each may become one.
    long others = open.stream().filter(r -> !r.id().equals(moving)).count()
        + context.storage.waitingList().liveOfEmail(email).size();
    if (moving == null && others >= office.policy().maxOpenPerEmail()) {
      throw new PolicyViolated(Policy.TOO_MANY_RESERVATIONS, "email",
          "at most " + office.policy().maxOpenPerEmail() + " open reservations per address");
    }
    LocalDate day = LocalDate.ofInstant(start, office.zone());
    long sameDay = open.stream().filter(r -> !r.id().equals(moving) && r.official().equals(official)
        && LocalDate.ofInstant(r.start(), office.zone()).equals(day)).count();
    if (sameDay >= office.policy().maxDailyPerEmail()) {
      throw new PolicyViolated(Policy.TOO_MANY_THE_SAME_DAY, "email", "at most "
          + office.policy().maxDailyPerEmail() + " meeting(s) per address with one official on one day");
    }
    if (!byStaff) {
      requireMessageAllowance(office, email);
    }
    boolean overlapping = byStaff && open.stream()
        .anyMatch(r -> !r.id().equals(moving) && r.overlaps(start, end));
    if (overlapping) {
      throw new PolicyViolated(Policy.OVERLAPPING_RESERVATION, "start",
          "the citizen already has a reservation at this time");
    }
  }

  /**
   * Counts the message a citizen's own action is about to send the mailbox, refusing the action when
   * the mailbox has had its day's allowance: refused like the other per-address limits, and whatever
   * the requested time. Call with the address's lock held.
   */
  void requireMessageAllowance(Office office, String email) {
    if (!context.storage.reservations().countMessageTo(email, context.today(office), context.messagesPerMailboxPerDay)) {
      throw new PolicyViolated(Policy.TOO_MANY_MESSAGES, "email",
          "at most " + context.messagesPerMailboxPerDay + " messages a day to one address");
    }
  }
}
