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
  RESCHEDULED
}
