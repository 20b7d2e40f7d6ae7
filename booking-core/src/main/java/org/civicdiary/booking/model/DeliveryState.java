/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Where an outbox message stands. */
public enum DeliveryState {
  /** Waiting for its due time or for a retry. */
  PENDING,
  /** Handed to the mail server (or found obsolete and dropped on purpose). */
  SENT,
  /** Failed too often; waits on the worklist for a person. */
  PARKED
}
