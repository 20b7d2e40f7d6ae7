/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/** The staff member's role does not allow this action on this subject. */
public final class NotPermitted extends BookingException {
  public NotPermitted(String action) {
    super("not permitted: " + action);
  }
}
