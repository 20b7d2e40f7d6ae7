/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/** The storage cannot be reached now; nothing was changed. Try again later. */
public final class StorageUnavailable extends BookingException {
  public StorageUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
