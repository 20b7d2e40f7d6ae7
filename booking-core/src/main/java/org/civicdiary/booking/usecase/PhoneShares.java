/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.Window;

/**
 * How the phone shares of a department's windows were used, week by week: how many slots they
 * kept, how many of those phone bookings took, and how many the web took once they were released
 * (web bookings beyond the web's own share of an occurrence can only have come after the release).
 * Read from the officials' reservations, because only officials whose windows keep a share count.
 */
final class PhoneShares {
  /** The columns of one week's tally. */
  static final int KEPT = 0;
  static final int USED_BY_PHONE = 1;
  static final int RELEASED_ONLINE = 2;

  private PhoneShares() {}

  /**
   * Per week (by its Monday in {@code weeks}), the three counts for occurrences on the days [from, to].
   */
  static long[][] tally(Context context, Department department, List<LocalDate> weeks, LocalDate from, LocalDate to) {
    long[][] tally = new long[weeks.size()][3];
    Office office = context.officeOf(department.id());
    ZoneId zone = office.zone();
    Duration slot = office.slotLength();
    List<Official> officials = context.storage.directory().officials(department.id());
    Map<OfficialId, List<Window>> windows = context.storage.diaries().windows(
        officials.stream().map(Official::id).toList());
    Instant rangeStart = from.atStartOfDay(zone).toInstant();
    Instant rangeEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
    for (Official official : officials) {
      List<Window> sharing = windows.getOrDefault(official.id(), List.of()).stream()
          .filter(Window::keepsPhoneShare).toList();
      if (sharing.isEmpty()) {
        continue;
      }
      List<Reservation> kept = context.storage.reservations().ofOfficial(official.id(), rangeStart, rangeEnd).stream()
          .filter(r -> r.status() == Status.ACTIVE || r.status() == Status.COMPLETED || r.status() == Status.NO_SHOW)
          .toList();
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        boolean holiday = context.holidays(office).isHoliday(day);
        int week = (int) ((day.toEpochDay() - weeks.get(0).toEpochDay()) / 7);
        for (Window w : sharing) {
          if (!w.opensOn(day, holiday)) {
            continue;
          }
          Instant opens = day.atTime(w.start()).atZone(zone).toInstant();
          Instant closes = day.atTime(w.end()).atZone(zone).toInstant();
          int capacity = (int) (Duration.between(opens, closes).getSeconds() / slot.getSeconds());
          int share = w.phoneShare(capacity);
          long phone = 0;
          long web = 0;
          for (Reservation r : kept) {
            long inside = r.slotStarts(slot).stream().filter(s -> !s.isBefore(opens) && s.isBefore(closes)).count();
            if (r.channel() == Channel.PHONE) {
              phone += inside;
            } else {
              web += inside;
            }
          }
          tally[week][KEPT] += share;
          tally[week][USED_BY_PHONE] += Math.min(phone, share);
          tally[week][RELEASED_ONLINE] += Math.max(0, web - (capacity - share));
        }
      }
    }
    return tally;
  }
}
