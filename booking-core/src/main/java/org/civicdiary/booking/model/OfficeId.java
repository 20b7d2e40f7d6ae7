/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Identifies an office: a short code such as {@code office-1}, chosen by the administrator. */
public record OfficeId(String value) {
  public OfficeId {
    Check.code("office", value);
  }

  public static OfficeId of(String value) {
    return new OfficeId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
