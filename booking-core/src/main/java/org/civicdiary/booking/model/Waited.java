/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How long one citizen waited for a meeting that began: what waiting-time statistics read, with
 * no personal data.
 *
 * @param meetingStart the reservation's booked start, which places it in a week
 */
public record Waited(DepartmentId department, Instant meetingStart, Instant arrivedAt, Instant startedAt) {
  public Waited {
    Check.present("department", department);
    Check.present("meetingStart", meetingStart);
    Check.present("arrivedAt", arrivedAt);
    Check.present("startedAt", startedAt);
  }

  public Duration waited() {
    return Duration.between(arrivedAt, startedAt);
  }
}
