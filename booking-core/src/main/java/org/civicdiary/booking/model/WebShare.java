/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * The web's share of one occurrence of a window that keeps a phone share not yet released: of the
 * occurrence's slots [start, end), web bookings may hold at most {@code slots}. The store enforces
 * it with one seat per slot held, so that racing web bookings can never take more.
 *
 * @param start the occurrence's start, which names it
 * @param slots how many of its slots the web may hold (its capacity less the phone share)
 */
public record WebShare(OfficialId official, Instant start, Instant end, int slots) {
  public WebShare {
    Check.present("official", official);
    Check.present("start", start);
    Check.present("end", end);
    Check.range("slots", slots, 0, 24 * 60);
  }

  /** Whether a slot starting at this instant lies in the occurrence. */
  public boolean covers(OfficialId of, Instant slotStart) {
    return official.equals(of) && !slotStart.isBefore(start) && slotStart.isBefore(end);
  }
}
