/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.util.Objects;

/**
 * An iCalendar object that goes with a notice.
 *
 * @param method {@code REQUEST} (add or update the meeting) or {@code CANCEL} (remove it)
 * @param ics the calendar text (RFC 5545), lines ending in CRLF
 */
public record Invitation(String method, String ics) {
  public Invitation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(ics, "ics");
  }
}
