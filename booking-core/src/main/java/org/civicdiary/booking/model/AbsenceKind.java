/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Why time is removed from a diary. */
public enum AbsenceKind {
  HOLIDAY,
  ILLNESS,
  TRAINING,
  BLOCK
}
