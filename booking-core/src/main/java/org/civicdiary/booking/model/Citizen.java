/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/**
 * Who booked: the only personal data civic-diary keeps, removed by the retention job.
 *
 * @param email may be null only for bookings made by phone
 * @param phone optional
 */
public record Citizen(String name, String email, String phone) {
  public static final int NAME_LIMIT = 200;
  private static final String ANONYMISED = "anonymised";

  public Citizen {
    name = Check.line("name", name, NAME_LIMIT);
    email = Check.email("email", email);
    phone = Check.phone("phone", phone);
  }

  /** What remains after the retention period. */
  public static Citizen anonymised() {
    return new Citizen(ANONYMISED, null, null);
  }

  /** The mailbox's key ({@link EmailKey}) that the per-address policies count by, or null. */
  public String emailKey() {
    return email == null ? null : EmailKey.of(email);
  }
}
