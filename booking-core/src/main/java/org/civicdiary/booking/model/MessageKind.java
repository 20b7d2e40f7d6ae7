/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** The messages civic-diary sends a citizen. */
public enum MessageKind {
  CONFIRMATION,
  REMINDER,
  CANCELLED_BY_CITIZEN,
  CANCELLED_BY_OFFICE,
  DISPLACED,
  RESCHEDULED,
  /** Confirm the e-mail address of a waiting-list entry; the message's reservation id is the entry's. */
  WAITING_LIST_CONFIRMATION,
  /** A freed time is held for a waiting-list entry; the message is about the held reservation. */
  WAITING_LIST_OFFER,
  /** The absence that displaced it was removed as a mistake: the meeting stands as first booked. */
  RESTORED
}
