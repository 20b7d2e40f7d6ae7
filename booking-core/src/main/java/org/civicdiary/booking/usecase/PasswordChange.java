/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.error.InvalidInput;

/** A staff member's change of their own password: the present one proves it is them. */
public record PasswordChange(String currentPassword, String newPassword) {
  public PasswordChange {
    if (currentPassword == null || currentPassword.isEmpty()) {
      throw new InvalidInput("currentPassword", "is required");
    }
    if (newPassword == null || newPassword.isEmpty()) {
      throw new InvalidInput("newPassword", "is required");
    }
  }

  /** Never prints the passwords. */
  @Override
  public String toString() {
    return "PasswordChange[***]";
  }
}
