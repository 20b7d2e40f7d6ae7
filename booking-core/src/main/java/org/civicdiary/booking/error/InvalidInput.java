/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/** A value that can never be right, whatever the state: names the field and what is wrong. */
public final class InvalidInput extends BookingException {
  private final String field;
  private final String problem;

  public InvalidInput(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
