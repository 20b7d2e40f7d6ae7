/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Identifies an official: a short code such as {@code official-1}, chosen by the administrator. */
public record OfficialId(String value) {
  public OfficialId {
    Check.code("official", value);
  }

  public static OfficialId of(String value) {
    return new OfficialId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
