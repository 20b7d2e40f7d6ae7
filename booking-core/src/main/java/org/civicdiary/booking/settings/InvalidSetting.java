/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.settings;

/** The configuration is missing or wrong; the message says which key to set and how. */
public final class InvalidSetting extends RuntimeException {
  public InvalidSetting(String message) {
    super(message);
  }
}
