/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Where a webhook delivery stands. */
public enum WebhookDeliveryState {
  /** Waiting for its turn or its next attempt. */
  PENDING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Too many attempts or too old: waits for an administrator to retry it; no longer holds up later events. */
  GIVEN_UP
}
