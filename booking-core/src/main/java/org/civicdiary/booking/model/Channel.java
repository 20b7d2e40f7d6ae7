/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** How a reservation was made: by the citizen on the web, or by an operator on the phone. */
public enum Channel {
  WEB,
  PHONE
}
