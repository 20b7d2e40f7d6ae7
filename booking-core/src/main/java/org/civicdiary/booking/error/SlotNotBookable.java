/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/**
 * The requested time is not free time of the official's diary, whoever asks; or, for {@link
 * Reason#PHONE_SHARE}, not on the channel that asks.
 */
public final class SlotNotBookable extends BookingException {

  /** Why; each has its own wording for citizens in the web layer. */
  public enum Reason {
    OUTSIDE_DIARY,
    MISALIGNED,
    ABSENT,
    HOLIDAY,
    /** The office or the department is closed that day (a closure day). */
    CLOSED,
    TOO_SOON,
    TOO_FAR_AHEAD,
    OFFICIAL_INACTIVE,
    AGENDA_NOT_HANDLED,
    /** The diary has the time, but its window serves other agendas (a Saturday service for ID cards only). */
    AGENDA_NOT_SERVED,
    /** The rest of the window is kept for phone bookings until its release; the web's share is taken. */
    PHONE_SHARE
  }

  private final Reason reason;

  public SlotNotBookable(Reason reason, String detail) {
    super("slot not bookable (" + reason + "): " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
