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
