/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * How many slots of one window occurrence web bookings hold within its {@link WebShare} (taken
 * before the phone share was released).
 *
 * @param start the occurrence's start, which names it
 */
public record WebShareUse(OfficialId official, Instant start, int taken) {
  public WebShareUse {
    Check.present("official", official);
    Check.present("start", start);
  }
}
