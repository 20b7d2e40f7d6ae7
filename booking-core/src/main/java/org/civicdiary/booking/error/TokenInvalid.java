/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/**
 * A manage token that matches no reservation. Deliberately says nothing more, so that a guessed
 * token learns nothing.
 */
public final class TokenInvalid extends BookingException {
  public TokenInvalid() {
    super("manage token invalid");
  }
}
