/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/** Time of an official held by some reservation: free/busy only, nothing about who. */
public record BusyTime(OfficialId official, Instant start, Instant end) {
  public BusyTime {
    Check.present("official", official);
    Check.present("start", start);
    Check.present("end", end);
  }
}
