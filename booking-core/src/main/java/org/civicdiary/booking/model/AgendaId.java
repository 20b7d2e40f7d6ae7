/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Identifies an agenda: a short code such as {@code agenda-1}, chosen by the administrator. */
public record AgendaId(String value) {
  public AgendaId {
    Check.code("agenda", value);
  }

  public static AgendaId of(String value) {
    return new AgendaId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
