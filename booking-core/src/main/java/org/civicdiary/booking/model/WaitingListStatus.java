/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Where a waiting-list entry stands. */
public enum WaitingListStatus {
  /** Made on the web; waits for the citizen to confirm the e-mail address. Is offered nothing. */
  UNCONFIRMED,
  /** Waits for freed time, in the order entries were made. */
  ACTIVE,
  /** A freed time is held for it until {@link WaitingListEntry#holdUntil()}. */
  OFFERED,
  /** The citizen took the offered time: it is a reservation now. */
  TAKEN,
  /** The citizen declined the offered time. */
  DECLINED,
  /** The offered time was not taken before the hold ended. */
  LAPSED,
  /** Its range ended (or it was never confirmed) without a time taken. */
  EXPIRED,
  /** Staff removed it. */
  WITHDRAWN;

  /** Whether it still waits or holds an offer (counts against the per-address limits). */
  public boolean isLive() {
    return this == UNCONFIRMED || this == ACTIVE || this == OFFERED;
  }
}
