/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Where a meeting happens: the office's building, a branch office, the mobile town hall. */
public record Place(String name, String address) {
  public Place {
    name = Check.line("place.name", name, 200);
    address = Check.line("place.address", address, 300);
  }
}
