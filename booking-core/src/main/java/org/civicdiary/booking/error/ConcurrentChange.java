/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/** Someone else changed the same record meanwhile; reload and try again. */
public final class ConcurrentChange extends BookingException {
  public ConcurrentChange(String kind, String id) {
    super(kind + " " + id + " was changed meanwhile");
  }
}
