/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

/** Identifies a department: a short code such as {@code department-1}, chosen by the administrator. */
public record DepartmentId(String value) {
  public DepartmentId {
    Check.code("department", value);
  }

  public static DepartmentId of(String value) {
    return new DepartmentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
