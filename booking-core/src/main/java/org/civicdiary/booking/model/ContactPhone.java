/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** A phone number the office publishes, with what it is for (call centre, weekend ID cards…). */
public record ContactPhone(LocalizedText purpose, String number) {
  public ContactPhone {
    Check.present("purpose", purpose);
    number = Check.present("number", Check.phone("number", number));
  }
}
