/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/**
 * The storage cannot be reached now. When this happens while a unit of work commits (the
 * connection lost with the commit in flight), the change may or may not have been made: callers
 * must not assume either. Repeating a booking with the same {@code Idempotency-Key} is safe.
 */
public final class StorageUnavailable extends BookingException {
  public StorageUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
