/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;

/**
 * Replacement times for a displaced reservation: the free times nearest to the original with the
 * same official first, then with each of the official's deputies for the agenda in their order,
 * then with the other colleagues of the department who handle the agenda. Only times a
 * citizen could book themselves (after the minimum notice, and within the web's share of windows
 * that keep a phone share), so a citizen can accept any of them.
 */
final class Proposals {
  static final int PER_GROUP = 3;
  private final Context context;

  Proposals(Context context) {
    this.context = context;
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
    Consumer<List<OfficialId>> nearestOf = officials -> context.freeTime
        .find(office, officials, today, last, earliest, agenda.id(), agenda.slots(), FreeTime.Ignore.NOTHING, FreeTime.Seen.WEB)
        .stream().sorted(nearest).limit(PER_GROUP).forEach(result::add);
    if (sameOfficialActive) {
      nearestOf.accept(List.of(reservation.official()));
    }
    deputies.forEach(deputy -> nearestOf.accept(List.of(deputy)));
    nearestOf.accept(colleagues);
    return result;
  }
}
