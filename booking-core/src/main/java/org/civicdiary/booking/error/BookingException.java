/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/**
 * Root of every error civic-diary raises on purpose. Callers catch the leaves; the HTTP layer maps
 * each leaf to one problem type. Messages carry ids and field names, never personal data.
 */
public abstract sealed class BookingException extends RuntimeException
    permits SlotTaken, SlotNotBookable, PolicyViolated, InvalidInput, NotFound, TokenInvalid,
        NotPermitted, ConcurrentChange, StateConflict, StorageUnavailable, DocumentInvalid, ChallengeRefused {

  protected BookingException(String message) {
    super(message);
  }

  protected BookingException(String message, Throwable cause) {
    super(message, cause);
  }
}
